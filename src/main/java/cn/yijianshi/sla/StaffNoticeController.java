package cn.yijianshi.sla;

import java.util.List;

import cn.yijianshi.security.HallGroup;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/sla/notices: the reminders and escalations sent to the caller's own groups (administrators: all). */
@RestController
public class StaffNoticeController {

    private final StaffNotices notices;

    public StaffNoticeController(StaffNotices notices) {
        this.notices = notices;
    }

    @GetMapping("/api/sla/notices")
    public List<StaffNotices.Item> mine(Authentication user) {
        List<String> authorities = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        if (authorities.contains(HallGroup.ADMIN.authority())) {
            return notices.latestFor(null);
        }
        return notices.latestFor(authorities.stream().filter(a -> a.startsWith("GROUP_")).map(a -> a.substring(6)).toList());
    }
}
