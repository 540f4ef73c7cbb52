package cn.yijianshi.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.intake.ResidentIdNumber;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/** 员工录用一件事's rules: no one under 16 at the hire date (劳动法 art. 15), insured within 30 days of the first hire (社会保险法 art. 58). */
class EmployeeHiringRulesTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    static final String BORN_2010_12_15 = ResidentIdNumber.withCheckCharacter("11010520101215242");
    static final String BORN_1995_03_01 = ResidentIdNumber.withCheckCharacter("11010519950301131");

    private static DmnDecision decision(String key) {
        try (InputStream in = EmployeeHiringRulesTest.class.getResourceAsStream("/processes/employee-hiring/employee-hiring-roster.dmn")) {
            return DMN.parseDecision(key, in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final DmnDecision CHECK = decision("employee-hiring-check");

    private static Map<String, Object> row(String name, String idNumber, String hireDate) {
        return new HashMap<>(Map.of("name", name, "idNumber", idNumber, "phone", "13800138000", "hireDate", hireDate));
    }

    private static Map<String, Object> check(List<Map<String, Object>> employees) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("employees", employees);
        return DMN.evaluateDecision(CHECK, variables).getSingleResult().getEntryMap();
    }

    @Test
    void insuranceIsDueThirtyDaysAfterTheEarliestHire() {
        Map<String, Object> result = check(List.of(row("李雷", BORN_1995_03_01, "2026-11-20"), row("韩梅梅", BORN_1995_03_01, "2026-11-05")));
        assertThat(result).containsEntry("eligible", true).containsEntry("insuranceDeadline", "2026-12-05");
        assertThat(result.get("employeeCount")).isEqualTo(2);
        assertThat(result.get("rejectionReason")).isNull();
    }

    @Test
    void noOneUnderSixteenAtTheHireDateMayBeHired() {
        assertThat(check(List.of(row("小明", BORN_2010_12_15, "2026-12-15")))).containsEntry("eligible", true);
        Map<String, Object> refused = check(List.of(row("李雷", BORN_1995_03_01, "2026-12-14"), row("小明", BORN_2010_12_15, "2026-12-14")));
        assertThat(refused).containsEntry("eligible", false);
        assertThat((String) refused.get("rejectionReason")).contains("小明", "第十五条").doesNotContain("李雷");
    }
}
