package cn.yijianshi.oversight;

import java.util.List;

import cn.yijianshi.security.HallGroup;
import org.springframework.security.core.Authentication;

/** The hall user acting on a task, with her Camunda groups. */
public record Actor(String user, List<String> groups) {

    public static Actor of(Authentication authentication) {
        return new Actor(authentication.getName(), HallGroup.groupIds(authentication.getAuthorities()));
    }

    /** 值班主任/协调员 (and administrators): may chase and reassign any open task. */
    public boolean coordinates() {
        return groups.contains(HallGroup.COORDINATORS.id()) || groups.contains(HallGroup.ADMIN.id());
    }

    public boolean administers() {
        return groups.contains(HallGroup.ADMIN.id());
    }
}
