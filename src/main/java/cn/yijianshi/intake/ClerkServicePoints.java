package cn.yijianshi.intake;

import java.util.List;

import cn.yijianshi.points.StaffPoints;
import org.springframework.stereotype.Component;

/**
 * The service point a window clerk works for, as far as 办件查询 is concerned: her point in the registry
 * (staff at their points). A clerk the registry has no point for yet sees the cases of the points she accepted at.
 */
@Component
public class ClerkServicePoints {

    private final CaseMapper cases;
    private final StaffPoints staff;

    public ClerkServicePoints(CaseMapper cases, StaffPoints staff) {
        this.cases = cases;
        this.staff = staff;
    }

    public List<String> of(String clerk) {
        return staff.pointOf(clerk).map(List::of).orElseGet(() -> cases.servicePointsAcceptedBy(clerk));
    }
}
