package cn.yijianshi.sla;

import java.util.List;

import cn.yijianshi.security.HallGroup;
import cn.yijianshi.system.RefusedRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Behind the coordinators' monitor page /sla. */
@RestController
@PreAuthorize("hasAnyAuthority('GROUP_coordinators', 'GROUP_managers', 'GROUP_camunda-admin')")
public class SlaMonitorController {

    private final SlaMonitor monitor;

    private final cn.yijianshi.catalog.Departments departments;
    private final cn.yijianshi.points.ServicePointRegistry points;

    public SlaMonitorController(SlaMonitor monitor, cn.yijianshi.catalog.Departments departments,
                                cn.yijianshi.points.ServicePointRegistry points) {
        this.points = points;
        this.departments = departments;
        this.monitor = monitor;
    }

    /** The calendar warning (a year without its notice) goes to coordinators and administrators. */
    @GetMapping("/api/sla/overview")
    public SlaMonitor.Overview overview(Authentication user, @RequestParam(required = false) String point) {
        SlaMonitor.Overview overview = monitor.overview(20, pointPath(point));
        boolean toldOfCalendar = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("GROUP_coordinators") || a.equals("GROUP_camunda-admin"));
        return toldOfCalendar ? overview : overview.withoutCalendarWarning();
    }

    @GetMapping("/api/sla/tasks")
    public List<SlaMonitor.Item> tasks(@RequestParam(required = false) String state,
                                       @RequestParam(required = false) String group,
                                       @RequestParam(required = false) String point) {
        SlaState wanted = null;
        if (state != null) {
            if (!state.equals("ON_TRACK") && !state.equals("AT_RISK") && !state.equals("BREACHED")) {
                throw RefusedRequest.badInput("state", "状态只能是 ON_TRACK、AT_RISK 或 BREACHED",
                        "must be ON_TRACK, AT_RISK or BREACHED");
            }
            wanted = SlaState.valueOf(state);
        }
        if (group != null && !departments.knowsGroup(group)) {
            throw RefusedRequest.badInput("group", "没有这个用户组：" + group, "no such group: " + group);
        }
        return monitor.tasks(wanted, group, pointPath(point));
    }

    /** A point and every point below it (a district sees its towns and villages); 400 naming point when unknown. */
    private String pointPath(String point) {
        if (point == null || point.isBlank()) {
            return null;
        }
        var chosen = points.find(point.trim()).orElseThrow(() -> RefusedRequest.badInput("point",
                "没有这个服务网点：" + point, "no such service point: " + point));
        return cn.yijianshi.points.ServicePointRegistry.subtree(chosen.getPath());
    }
}
