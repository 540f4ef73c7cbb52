package cn.yijianshi.intake;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The service points a window clerk works for, as far as 办件查询 is concerned. Until the service-point registry
 * gives each clerk her point, a clerk's points are those of the cases she accepted herself (so two clerks who
 * accept at one point see each other's cases, and a clerk who has accepted nothing sees none but those). Replace
 * this one class when the registry lands.
 */
@Component
public class ClerkServicePoints {

    private final CaseMapper cases;

    public ClerkServicePoints(CaseMapper cases) {
        this.cases = cases;
    }

    public List<String> of(String clerk) {
        return cases.servicePointsAcceptedBy(clerk);
    }
}
