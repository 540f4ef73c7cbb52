package cn.yijianshi.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.yijianshi.intake.ResidentIdNumber;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.RefusedRequest;
import org.junit.jupiter.api.Test;

/**
 * A form group with a {@code path} is one nested object, as form-js keeps it: an employer may name one new
 * employee as {@code facts.employee} with {@code facts.hireDate}, or several as rows of {@code facts.employees}.
 */
class IntakeFormRulesTest {

    private static final String WORKER = ResidentIdNumber.withCheckCharacter("11010519900615242");

    private static final String FORM = """
            {"id": "test-intake", "components": [
              {"type": "dynamiclist", "path": "employees", "label": "新录用人员", "properties": {"minRows": 1},
               "conditional": {"hide": "=employee != null"},
               "components": [
                 {"type": "textfield", "key": "name", "label": "姓名", "validate": {"required": true}},
                 {"type": "textfield", "key": "idNumber", "label": "身份证号码", "validate": {"required": true},
                  "properties": {"check": "residentId"}},
                 {"type": "datetime", "key": "hireDate", "label": "用工日期", "validate": {"required": true}}]},
              {"type": "group", "path": "employee", "label": "新录用人员（一人）",
               "conditional": {"hide": "=employee = null"},
               "components": [
                 {"type": "textfield", "key": "name", "label": "姓名", "validate": {"required": true}},
                 {"type": "textfield", "key": "idNumber", "label": "身份证号码", "validate": {"required": true},
                  "properties": {"check": "residentId"}},
                 {"type": "textfield", "key": "phone", "label": "电话", "validate": {"pattern": "1[3-9]\\\\d{9}"}}]},
              {"type": "datetime", "key": "hireDate", "label": "用工日期", "validate": {"required": true},
               "conditional": {"hide": "=employee = null"}},
              {"type": "group", "label": "单位情况", "components": [
                 {"type": "checkbox", "key": "hasFundAccount", "label": "已开设公积金单位账户"}]}
            ]}""";

    private final IntakeFormRules rules = new IntakeFormRules(new HallClock("Asia/Shanghai"));
    private final JsonNode form;

    IntakeFormRulesTest() throws Exception {
        form = new ObjectMapper().readTree(FORM);
    }

    private Map<String, Object> check(Map<String, Object> facts) {
        return rules.check(form, facts, Map.of("applicantKind", "ORGANIZATION", "channel", "WINDOW"));
    }

    private static String refusedField(Runnable check) {
        try {
            check.run();
        } catch (RefusedRequest e) {
            return e.toProblem().field();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void oneEmployeeGivenAsAnObjectIsKeptAsThatObjectAndTheListIsNotAskedFor() {
        Map<String, Object> kept = check(Map.of("employee", Map.of("name", "王芳", "idNumber", WORKER, "phone", "13800138000"),
                "hireDate", "2026-11-02", "hasFundAccount", true));
        assertThat(kept).containsEntry("hireDate", "2026-11-02").containsEntry("hasFundAccount", true).doesNotContainKey("employees");
        assertThat(kept.get("employee")).isEqualTo(Map.of("name", "王芳", "idNumber", WORKER, "phone", "13800138000"));
    }

    @Test
    void aWrongFieldInsideTheObjectIsNamedWithItsPath() {
        assertThat(refusedField(() -> check(Map.of("employee", Map.of("name", "王芳", "idNumber", "110105199006152420"),
                "hireDate", "2026-11-02")))).isEqualTo("facts.employee.idNumber");
        assertThat(refusedField(() -> check(Map.of("employee", Map.of("idNumber", WORKER), "hireDate", "2026-11-02"))))
                .isEqualTo("facts.employee.name");
        assertThat(refusedField(() -> check(Map.of("employee", Map.of("name", "王芳", "idNumber", WORKER, "salary", 9000),
                "hireDate", "2026-11-02")))).isEqualTo("facts.employee.salary");
        assertThat(refusedField(() -> check(Map.of("employee", "王芳", "hireDate", "2026-11-02")))).isEqualTo("facts.employee");
        assertThat(refusedField(() -> check(Map.of("employee", Map.of("name", "王芳", "idNumber", WORKER)))))
                .isEqualTo("facts.hireDate");
    }

    @Test
    void withoutTheObjectTheListIsRequiredRowByRow() {
        Map<String, Object> row = new HashMap<>(Map.of("name", "李雷", "idNumber", WORKER, "hireDate", "2026-11-03"));
        Map<String, Object> kept = check(Map.of("employees", List.of(row)));
        assertThat(kept).containsOnlyKeys("employees");
        assertThat(refusedField(() -> check(Map.of("hasFundAccount", false)))).isEqualTo("facts.employees");
        row.put("hireDate", "2026-13-01");
        assertThat(refusedField(() -> check(Map.of("employees", List.of(row))))).isEqualTo("facts.employees[0].hireDate");
    }

    @Test
    void aHiddenObjectIsDroppedAndAFieldOfAGroupWithoutPathStaysAtTheTopLevel() {
        Map<String, Object> kept = check(Map.of("employees", List.of(Map.of("name", "李雷", "idNumber", WORKER,
                "hireDate", "2026-11-03")), "hasFundAccount", true));
        assertThat(kept).containsOnlyKeys("employees", "hasFundAccount");
        assertThat(refusedField(() -> check(Map.of("employees", List.of())))).isEqualTo("facts.employees");
        assertThat(refusedField(() -> check(Map.of("employees", kept.get("employees"), "name", "王芳")))).isEqualTo("facts.name");
    }

    private static final String REFERRING_FORM = """
            {"id": "test-stop", "components": [
              {"type": "textfield", "key": "benefitCaseId", "label": "原办件编号", "validate": {"required": true},
               "properties": {"check": "caseRef", "matter": "BENEFIT"}}]}""";

    private static String refusedReference(String caseId, String applicant) throws Exception {
        CaseReferences cases = id -> java.util.Optional.ofNullable(Map.of(
                "BF-1", new CaseReferences.Referenced("BENEFIT", WORKER, "COMPLETED"),
                "BF-2", new CaseReferences.Referenced("BENEFIT", WORKER, "IN_PROGRESS"),
                "OT-1", new CaseReferences.Referenced("OTHER", WORKER, "COMPLETED")).get(id));
        IntakeFormRules withCases = new IntakeFormRules(new HallClock("Asia/Shanghai"), cases);
        JsonNode referring = new ObjectMapper().readTree(REFERRING_FORM);
        try {
            withCases.check(referring, Map.of("benefitCaseId", caseId), Map.of(IntakeFormRules.APPLICANT_NUMBER, applicant));
            return null;
        } catch (RefusedRequest e) {
            return e.toProblem().field() + " " + e.toProblem().message();
        }
    }

    @Test
    void aCaseReferenceMustNameTheApplicantsOwnCompletedCaseOfTheNamedMatter() throws Exception {
        assertThat(refusedReference("BF-1", WORKER)).isNull();
        assertThat(refusedReference("BF-9", WORKER)).startsWith("facts.benefitCaseId").contains("查无此办件");
        assertThat(refusedReference("OT-1", WORKER)).contains("不是");
        assertThat(refusedReference("BF-1", ResidentIdNumber.withCheckCharacter("11010519800101123"))).contains("不是申请人本人的办件");
        assertThat(refusedReference("BF-2", WORKER)).contains("尚未办结");
    }
}
