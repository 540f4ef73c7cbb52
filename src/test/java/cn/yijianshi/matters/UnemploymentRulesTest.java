package cn.yijianshi.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 失业一件事's rules as its DMN tables say them, at every boundary of 《失业保险条例》 art. 14 (who may claim) and
 * art. 17 (for how long): 11/12 months, 59/60, 119/120, and 24 months at most with what is left of an earlier claim.
 */
class UnemploymentRulesTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static DmnDecision decision(String file, String key) {
        try (InputStream in = UnemploymentRulesTest.class.getResourceAsStream("/processes/unemployment/" + file)) {
            return DMN.parseDecision(key, in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final DmnDecision ELIGIBILITY = decision("unemployment-eligibility.dmn", "unemployment-eligibility");
    private static final DmnDecision BENEFIT_MONTHS = decision("unemployment-benefit-months.dmn", "unemployment-benefit-months");
    private static final DmnDecision MATERIALS = decision("unemployment-materials.dmn", "unemployment-materials");

    private static Map<String, Object> claimant(int contributionMonths, String separationReason, boolean registered, boolean seeking) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("contributionMonths", contributionMonths);
        facts.put("separationReason", separationReason);
        facts.put("registeredUnemployed", registered);
        facts.put("seekingWork", seeking);
        return facts;
    }

    private static Map<String, Object> eligibility(Map<String, Object> facts) {
        return DMN.evaluateDecisionTable(ELIGIBILITY, facts).getSingleResult().getEntryMap();
    }

    @ParameterizedTest(name = "{0} months paid: eligible {1}")
    @CsvSource({"0, false", "11, false", "12, true", "13, true", "600, true"})
    void aClaimantMustHavePaidForAYearWithTheEmployer(int months, boolean eligible) {
        Map<String, Object> result = eligibility(claimant(months, "CONTRACT_EXPIRED", true, true));
        assertThat(result.get("eligible")).isEqualTo(eligible);
        if (!eligible) {
            assertThat((String) result.get("rejectionReason")).contains("不满1年", "第十四条第一项");
        } else {
            assertThat(result.get("rejectionReason")).isNull();
        }
    }

    @ParameterizedTest(name = "{0}: eligible {1}")
    @CsvSource({"CONTRACT_EXPIRED, true", "DISMISSED_BY_EMPLOYER, true", "EXPELLED_OR_DISCHARGED, true", "EMPLOYER_FAULT, true",
            "RESIGNED, false", "AGREED_AT_OWN_REQUEST, false"})
    void onlyEmploymentEndedNotByTheClaimantsOwnWillQualifies(String reason, boolean eligible) {
        Map<String, Object> result = eligibility(claimant(36, reason, true, true));
        assertThat(result.get("eligible")).isEqualTo(eligible);
        if (!eligible) {
            assertThat((String) result.get("rejectionReason")).contains("本人意愿", "第十四条第二项");
        }
    }

    @Test
    void aClaimantMustBeRegisteredAsUnemployedAndSeekingWork() {
        assertThat((String) eligibility(claimant(36, "CONTRACT_EXPIRED", false, true)).get("rejectionReason"))
                .contains("未办理失业登记", "第十四条第三项");
        assertThat((String) eligibility(claimant(36, "CONTRACT_EXPIRED", true, false)).get("rejectionReason"))
                .contains("无求职要求", "第十四条第三项");
        Map<String, Object> unknown = claimant(36, "CONTRACT_EXPIRED", true, true);
        unknown.put("seekingWork", null);
        assertThat(eligibility(unknown).get("eligible")).isEqualTo(false);
    }

    @Test
    void theFirstUnmetConditionIsTheReasonGiven() {
        assertThat((String) eligibility(claimant(11, "RESIGNED", false, false)).get("rejectionReason")).contains("第一项");
        assertThat((String) eligibility(claimant(12, "RESIGNED", false, false)).get("rejectionReason")).contains("第二项");
    }

    private static Object benefitMonths(int contributionMonths, Integer remaining) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("contributionMonths", contributionMonths);
        if (remaining != null) {
            facts.put("remainingMonthsFromEarlierClaim", remaining);
        }
        DmnDecisionResult result = DMN.evaluateDecision(BENEFIT_MONTHS, facts);
        return result.getSingleEntry();
    }

    @ParameterizedTest(name = "{0} months paid: {1} months of benefit")
    @CsvSource({"12, 12", "59, 12", "60, 18", "119, 18", "120, 24", "480, 24"})
    void theBenefitLastsByTheYearsPaid(int months, int benefit) {
        assertThat(benefitMonths(months, null)).isEqualTo(benefit);
        assertThat(benefitMonths(months, 0)).isEqualTo(benefit);
    }

    @ParameterizedTest(name = "{0} months paid and {1} left from before: {2} months")
    @CsvSource({"12, 6, 18", "12, 12, 24", "12, 13, 24", "60, 6, 24", "60, 5, 23", "119, 7, 24", "120, 1, 24", "120, 24, 24"})
    void monthsLeftFromAnEarlierClaimAddUpToTwentyFourAtMost(int months, int remaining, int benefit) {
        assertThat(benefitMonths(months, remaining)).isEqualTo(benefit);
    }

    @Test
    void theMaterialsFollowTheReasonAndTheChannel() {
        Map<String, Object> facts = new HashMap<>(Map.of("separationReason", "CONTRACT_EXPIRED", "channel", "WINDOW"));
        assertThat(DMN.evaluateDecisionTable(MATERIALS, facts).collectEntries("materialCode"))
                .containsExactly("ID_CARD", "SOCIAL_SECURITY_CARD", "SEPARATION_PROOF");
        facts.putAll(Map.of("separationReason", "EMPLOYER_FAULT", "channel", "PROXY"));
        List<Object> codes = DMN.evaluateDecisionTable(MATERIALS, facts).collectEntries("materialCode");
        assertThat(codes).contains("EMPLOYER_FAULT_PROOF", "POWER_OF_ATTORNEY");
    }
}
