package cn.yijianshi.intake;

import java.util.Map;

/**
 * What one matter adds to intake: its own checks (refusing with a {@link cn.yijianshi.system.RefusedRequest})
 * and the facts its process starts with. One bean per {@link Matter}.
 */
public interface MatterIntake {

    Matter matter();

    /** Whether a material code is one this matter knows (for intake and 补正). */
    boolean knowsMaterial(String code);

    void check(CaseIntakeRequest request, ResidentIdNumber applicantId);

    Map<String, Object> startVariables(CaseIntakeRequest request, ResidentIdNumber applicantId);
}
