package cn.yijianshi.points;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import cn.yijianshi.system.RefusedRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff at their points: administrators put users at points (/api/admin/**); each user reads their own point. */
@RestController
public class StaffPointController {

    private final StaffPoints staff;
    private final ServicePointRegistry registry;

    public StaffPointController(StaffPoints staff, ServicePointRegistry registry) {
        this.staff = staff;
        this.registry = registry;
    }

    public record Assignment(@NotBlank(message = "必须填写网点代码|is required") String pointCode) {
    }

    @PutMapping("/api/admin/staff-points/{userId}")
    public Map<String, Object> assign(@PathVariable String userId, @RequestBody @Valid Assignment assignment, Principal admin) {
        staff.assign(userId, assignment.pointCode().trim(), admin.getName());
        return Map.of("userId", userId, "pointCode", assignment.pointCode().trim());
    }

    @DeleteMapping("/api/admin/staff-points/{userId}")
    public ResponseEntity<Void> unassign(@PathVariable String userId) {
        return staff.unassign(userId) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    @GetMapping("/api/admin/staff-points")
    public List<Map<String, Object>> list(@RequestParam(required = false) String point) {
        return staff.staff(point == null || point.isBlank() ? null : point.trim());
    }

    /** The logged-in user's point (the window's default), or 404 when the user belongs to none. */
    @GetMapping("/api/staff-points/me")
    public PointView mine(Principal user) {
        String code = staff.pointOf(user.getName()).orElseThrow(() -> RefusedRequest.notFound("servicePoint",
                "您尚未分配到服务网点，请联系管理员", "you belong to no service point: ask an administrator"));
        return PointView.of(registry.require("servicePoint", code), null);
    }
}
