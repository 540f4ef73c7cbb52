package cn.yijianshi.sla;

import java.util.List;

import cn.yijianshi.security.HallGroup;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/sla/notices: the reminders, escalations and chases sent to the caller's own groups or to her (administrators: all). */
@RestController
public class StaffNoticeController {

    private final StaffNotices notices;

    public StaffNoticeController(StaffNotices notices) {
        this.notices = notices;
    }

    @GetMapping("/api/sla/notices")
    public List<StaffNotices.Item> mine(Authentication user) {
        List<String> groups = HallGroup.groupIds(user.getAuthorities());
        return notices.latestFor(groups.contains(HallGroup.ADMIN.id()) ? null : groups, user.getName());
    }
}
