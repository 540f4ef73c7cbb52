package cn.yijianshi.points;

import java.util.stream.Collectors;

import cn.yijianshi.catalog.Matter;
import cn.yijianshi.catalog.MatterNames;
import cn.yijianshi.system.RefusedRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a case is accepted: the point the window names, else the clerk's own point, else the hall's default point
 * ({@code yijianshi.points.default-point}); it must be registered, open, and allowed the matter (a partner point
 * only its permitted list). Refusals name {@code servicePoint} and say which matters the point may handle.
 */
@Component
public class PointAtIntake {

    private final ServicePointRegistry registry;
    private final StaffPoints staff;
    private final String hallDefault;

    public PointAtIntake(ServicePointRegistry registry, StaffPoints staff,
                         @Value("${yijianshi.points.default-point:}") String hallDefault) {
        this.registry = registry;
        this.staff = staff;
        this.hallDefault = hallDefault == null || hallDefault.isBlank() ? null : hallDefault.trim();
    }

    /** The registered point a case of {@code matter} is accepted at, or a refusal naming servicePoint. */
    public ServicePoint resolve(String requestedCode, String clerk, Matter matter) {
        String code = requestedCode != null ? requestedCode.trim() : staff.pointOf(clerk).orElse(hallDefault);
        if (code == null) {
            throw RefusedRequest.badInput("servicePoint", "必须填写服务网点（您尚未分配到网点，本厅也未配置默认网点）",
                    "is required: you belong to no point and the hall has no default point");
        }
        ServicePoint point = registry.find(code).orElseThrow(() -> RefusedRequest.badInput("servicePoint",
                "没有这个服务网点：" + code + "（请先在网点管理中登记）", "no such service point: " + code + " (register it first)"));
        if (!point.isActive()) {
            throw RefusedRequest.badInput("servicePoint", point.getName() + "（" + code + "）已关闭，不能受理",
                    "service point " + code + " is closed");
        }
        if (!point.handles(matter.key())) {
            String zh = point.getMatters().stream().map(m -> MatterNames.of(m) + "（" + m + "）").collect(Collectors.joining("、"));
            throw RefusedRequest.badInput("servicePoint", point.getName() + "（" + code + "）不能受理" + matter.name()
                    + "；该网点可办理：" + (zh.isEmpty() ? "无" : zh),
                    "service point " + code + " may not handle " + matter.key() + "; it may handle: "
                            + (point.getMatters().isEmpty() ? "none" : String.join(", ", point.getMatters())));
        }
        return point;
    }
}
