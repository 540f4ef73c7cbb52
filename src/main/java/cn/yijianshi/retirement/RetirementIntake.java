package cn.yijianshi.retirement;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import cn.yijianshi.catalog.MatterExtension;
import cn.yijianshi.intake.ResidentIdNumber;
import cn.yijianshi.system.RefusedRequest;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The retirement matter's own intake (extension "retirement" in processes/retirement/matter.json): the original
 * statutory age must fit the applicant's gender, and the facts its steps and rules read (type, original age,
 * contribution, fund account, disputed seniority; gender and birth date are read from the case record's ID number,
 * {@link RetiringApplicant}).
 */
@Component
public class RetirementIntake implements MatterExtension {

    /** Shown in 养老金核定 and 退休审批, derived when the form opens: no process variable. */
    static final String STATUTORY_AGE = "statutoryAge";

    private final StatutoryRetirementAge ages;

    public RetirementIntake(StatutoryRetirementAge ages) {
        this.ages = ages;
    }

    @Override
    public String name() {
        return "retirement";
    }

    @Override
    public void check(Map<String, Object> facts, ResidentIdNumber applicantId) {
        if (facts.get("originalAge") instanceof Number age) {
            try {
                OriginalRetirementAge.of(applicantId.gender(), age.intValue());
            } catch (IllegalArgumentException e) {
                throw RefusedRequest.badInput("facts.originalAge", "原法定退休年龄与性别不符（男60；女55或50）",
                        "does not fit the applicant's gender (men 60; women 55 or 50)");
            }
        }
    }

    @Override
    public Map<String, Object> startVariables(Map<String, Object> facts, ResidentIdNumber applicantId) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("retirementType", facts.getOrDefault("retirementType", RetirementType.NORMAL.name()));
        Integer originalAge = facts.get("originalAge") instanceof Number n ? n.intValue() : null;
        if (originalAge == null && "M".equals(applicantId.gender())) {
            originalAge = 60;
        }
        vars.put("originalAge", originalAge);
        vars.put("contributionMonths", facts.get("contributionMonths") instanceof Number n ? n.intValue() : null);
        vars.put("hasFundAccount", Boolean.TRUE.equals(facts.get("hasFundAccount")));
        vars.put("disputedSeniority", Boolean.TRUE.equals(facts.get("disputedSeniority")));
        if (facts.get("chosenRetirementMonth") instanceof String month && !month.isBlank()) {
            vars.put("chosenRetirementMonth", month.trim());
        }
        return vars;
    }

    /** The statutory age (法定退休年龄) from the applicant's ID and the original age as 审核材料 left it. */
    @Override
    public Map<String, Object> formFacts(ResidentIdNumber applicantId, VariableScope variables) {
        try {
            Integer originalAge = ProcessFacts.integer(variables.getVariable("originalAge"));
            return originalAge == null ? Map.of() : Map.of(STATUTORY_AGE,
                    ages.compute(applicantId.gender(), originalAge, applicantId.birthDate()).inChinese());
        } catch (IllegalArgumentException e) {
            return Map.of(); // an original age that does not fit the gender: 审核材料 corrects it, the form shows none
        }
    }

    @Override
    public Set<String> formFactNames() {
        return Set.of(STATUTORY_AGE);
    }

    /** The body windows sent before the catalog ({@code "retirement": {...}}), as the intake form's facts. */
    public static Map<String, Object> facts(RetirementFacts legacy) {
        Map<String, Object> facts = new HashMap<>();
        if (legacy.type() != null) {
            facts.put("retirementType", legacy.type().name());
        }
        if (legacy.originalAge() != null) {
            facts.put("originalAge", legacy.originalAge());
        }
        if (legacy.contributionMonths() != null) {
            facts.put("contributionMonths", legacy.contributionMonths());
        }
        if (legacy.hasFundAccount() != null) {
            facts.put("hasFundAccount", legacy.hasFundAccount());
        }
        if (legacy.disputedSeniority() != null) {
            facts.put("disputedSeniority", legacy.disputedSeniority());
        }
        return facts;
    }
}
