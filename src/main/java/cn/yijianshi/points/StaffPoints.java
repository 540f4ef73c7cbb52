package cn.yijianshi.points;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.RefusedRequest;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff belong to a point (one each): where a clerk works, the default point of the cases the clerk accepts. */
@Service
public class StaffPoints {

    private final ServicePointMapper mapper;
    private final ServicePointRegistry registry;
    private final IdentityService identity;
    private final HallClock clock;

    public StaffPoints(ServicePointMapper mapper, ServicePointRegistry registry, IdentityService identity, HallClock clock) {
        this.mapper = mapper;
        this.registry = registry;
        this.identity = identity;
        this.clock = clock;
    }

    public Optional<String> pointOf(String userId) {
        return Optional.ofNullable(mapper.pointOf(userId));
    }

    /** Puts a hall user at a point (moving them from any other); the user must exist, the point be registered. */
    @Transactional
    public void assign(String userId, String pointCode, String by) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            throw RefusedRequest.notFound("userId", "没有这个用户：" + userId, "no such user: " + userId);
        }
        ServicePoint point = registry.find(pointCode).orElseThrow(() -> RefusedRequest.badInput("pointCode",
                "没有这个服务网点：" + pointCode, "no such service point: " + pointCode));
        if (mapper.updateStaffPoint(userId, point.getCode(), by, clock.now()) == 0) {
            mapper.insertStaffPoint(userId, point.getCode(), by, clock.now());
        }
    }

    @Transactional
    public boolean unassign(String userId) {
        return mapper.deleteStaffPoint(userId) > 0;
    }

    public List<Map<String, Object>> staff(String pointCode) {
        return mapper.staffOf(pointCode).stream().map(row -> Map.<String, Object>of(
                "userId", ServicePointRegistry.value(row, "user_id"), "pointCode", ServicePointRegistry.value(row, "point_code"),
                "assignedBy", ServicePointRegistry.value(row, "assigned_by"))).toList();
    }
}
