package cn.yijianshi.retirement;

import java.util.HashMap;
import java.util.Map;

import cn.yijianshi.intake.CaseIntakeRequest;
import cn.yijianshi.intake.Matter;
import cn.yijianshi.intake.MatterIntake;
import cn.yijianshi.intake.ResidentIdNumber;
import cn.yijianshi.system.RefusedRequest;
import org.springframework.stereotype.Component;

/** What intake needs for 退休一件事: the retirement type, known material codes, and the starting facts. */
@Component
public class RetirementIntake implements MatterIntake {

    private final MaterialCatalogue catalogue;

    public RetirementIntake(MaterialCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Matter matter() {
        return Matter.RETIREMENT;
    }

    @Override
    public boolean knowsMaterial(String code) {
        return catalogue.knows(code);
    }

    @Override
    public void check(CaseIntakeRequest request, ResidentIdNumber applicantId) {
        RetirementFacts facts = request.retirement();
        if (facts != null && facts.originalAge() != null) {
            try {
                OriginalRetirementAge.of(applicantId.gender(), facts.originalAge());
            } catch (IllegalArgumentException e) {
                throw RefusedRequest.badInput("retirement.originalAge", "原法定退休年龄与性别不符（男60；女55或50）",
                        "does not fit the applicant's gender (men 60; women 55 or 50)");
            }
        }
    }

    @Override
    public Map<String, Object> startVariables(CaseIntakeRequest request, ResidentIdNumber applicantId) {
        RetirementFacts facts = request.retirement();
        Map<String, Object> vars = new HashMap<>();
        vars.put("gender", applicantId.gender());
        vars.put("birthDate", applicantId.birthDate().toString());
        vars.put("retirementType", facts == null || facts.type() == null ? RetirementType.NORMAL.name() : facts.type().name());
        Integer originalAge = facts == null ? null : facts.originalAge();
        if (originalAge == null && "M".equals(applicantId.gender())) {
            originalAge = 60;
        }
        vars.put("originalAge", originalAge);
        vars.put("contributionMonths", facts == null ? null : facts.contributionMonths());
        vars.put("hasFundAccount", facts != null && Boolean.TRUE.equals(facts.hasFundAccount()));
        vars.put("disputedSeniority", facts != null && Boolean.TRUE.equals(facts.disputedSeniority()));
        return vars;
    }
}
