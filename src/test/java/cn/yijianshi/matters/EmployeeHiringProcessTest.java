package cn.yijianshi.matters;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of 员工录用一件事 through the engine, with its own DMN deciding who may be hired and by when they are insured. */
@Deployment(resources = {"processes/employee-hiring/employee-hiring.bpmn", "processes/employee-hiring/employee-hiring-materials.dmn",
        "processes/employee-hiring/employee-hiring-roster.dmn", "forms/employee-hiring/review-materials.form",
        "forms/employee-hiring/employment-registration.form", "forms/employee-hiring/pension-registration.form",
        "forms/employee-hiring/medical-registration.form", "forms/employee-hiring/fund-registration.form"})
class EmployeeHiringProcessTest {

    private static final String CASE_ID = "LY-20261130-000001";

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().assertClassCoverageAtLeast(1.0).build();

    private CaseStepStandIns steps;

    @BeforeEach
    void standIn() {
        steps = CaseStepStandIns.register(engine.getProcessEngine(), "employee-hiring");
        org.camunda.bpm.engine.test.mock.Mocks.register("oneOrMany", new cn.yijianshi.casework.OneOrMany());
    }

    @AfterEach
    void reset() {
        CaseStepStandIns.reset(engine.getProcessEngine());
    }

    private static Map<String, Object> employee(String name, String idNumber, String hireDate) {
        return new HashMap<>(Map.of("name", name, "idNumber", idNumber, "phone", "13800138000", "hireDate", hireDate));
    }

    private ProcessInstance accept(Map<String, Object> facts) {
        Map<String, Object> variables = new HashMap<>(Map.of("caseId", CASE_ID, "taskPriority", 50, "priority", "NORMAL",
                "channel", "WINDOW"));
        variables.putAll(facts);
        return runtimeService().startProcessInstanceByKey("employee-hiring", CASE_ID, variables);
    }

    private void reviewComplete(ProcessInstance pi) {
        org.assertj.core.api.Assertions.assertThat(steps.formOf(pi, "Task_ReviewMaterials")).isEqualTo("employee-hiring-review-materials");
        steps.work(pi, "Task_ReviewMaterials", "window1", withVariables("materialsDecision", "COMPLETE"));
    }

    @Test
    void oneEmployeeIsRegisteredInsuredAndGivenAFundAccountByFourDepartments() {
        ProcessInstance pi = accept(Map.of("employee", Map.of("name", "王芳", "idNumber", EmployeeHiringRulesTest.BORN_1995_03_01,
                "phone", "13800138000"), "hireDate", "2026-11-20", "hasFundAccount", true, "fundAccountNo", "12345678"));
        assertThat(pi).variables().containsEntry("requiredMaterials",
                List.of("HIRING_FORM", "EMPLOYEE_ID_CARDS", "LABOR_CONTRACTS", "FUND_DEPOSIT_LIST"));
        reviewComplete(pi);
        assertThat(pi).hasPassed("Task_ListEmployees", "Task_CheckHiring").variables()
                .containsEntry("eligible", true).containsEntry("insuranceDeadline", "2026-12-20")
                .containsEntry("employees", List.of(employee("王芳", EmployeeHiringRulesTest.BORN_1995_03_01, "2026-11-20")));
        assertThat(pi).isWaitingAt("Task_EmploymentRegistration", "Task_PensionInsuranceRegistration",
                "Task_MedicalInsuranceRegistration", "Task_FundDepositRegistration");
        steps.work(pi, "Task_EmploymentRegistration", "employment1", withVariables("employmentRegistrationResult", "已登记"));
        steps.work(pi, "Task_PensionInsuranceRegistration", "pension1", withVariables("pensionRegistrationResult", "2026-11起参保"));
        steps.work(pi, "Task_MedicalInsuranceRegistration", "medical1", withVariables("medicalRegistrationResult", "已参保"));
        steps.work(pi, "Task_FundDepositRegistration", "fund1", withVariables("fundRegistrationResult", "已设立个人账户"));
        assertThat(pi).hasPassed("Gateway_DepartmentsJoin", "Task_NotifyCompletion").isEnded().hasPassed("End_Completed");
        steps.assertTold("departmentsStarted", "completionNotice");
    }

    @Test
    void severalEmployeesWithoutAFundAccountGoToThreeDepartmentsAndAreInsuredByTheFirstHiresDeadline() {
        ProcessInstance pi = accept(Map.of("employees", List.of(
                employee("李雷", EmployeeHiringRulesTest.BORN_1995_03_01, "2026-11-25"),
                employee("韩梅梅", EmployeeHiringRulesTest.BORN_1995_03_01, "2026-11-10"))));
        reviewComplete(pi);
        assertThat(pi).variables().containsEntry("insuranceDeadline", "2026-12-10").containsEntry("employeeCount", 2);
        assertThat(pi).isWaitingAt("Task_EmploymentRegistration", "Task_PensionInsuranceRegistration",
                "Task_MedicalInsuranceRegistration").isNotWaitingAt("Task_FundDepositRegistration");
        steps.work(pi, "Task_EmploymentRegistration", "employment1", withVariables("employmentRegistrationResult", "已登记"));
        steps.work(pi, "Task_PensionInsuranceRegistration", "pension1", withVariables("pensionRegistrationResult", "已参保"));
        steps.work(pi, "Task_MedicalInsuranceRegistration", "medical1", withVariables("medicalRegistrationResult", "已参保"));
        assertThat(pi).hasPassed("Gateway_FundBranchDone").hasNotPassed("Task_FundDepositRegistration").isEnded().hasPassed("End_Completed");
    }

    @Test
    void anEmployeeUnderSixteenStopsTheCaseWithTheLawsReason() {
        ProcessInstance pi = accept(Map.of("employees", List.of(employee("小明", EmployeeHiringRulesTest.BORN_2010_12_15, "2026-11-10"))));
        reviewComplete(pi);
        assertThat(pi).hasPassed("Task_NotifyNotAccepted").hasNotPassed("Gateway_DepartmentsFork").isEnded().hasPassed("End_NotAccepted");
        steps.assertRejectionReasonContains(pi, "小明");
    }

    @Test
    void missingMaterialsAreToldOnceAndTheSupplementBringsTheCaseBack() {
        steps.missingMaterials = "LABOR_CONTRACTS";
        ProcessInstance pi = accept(Map.of("employees", List.of(employee("李雷", EmployeeHiringRulesTest.BORN_1995_03_01, "2026-11-25"))));
        reviewComplete(pi);
        assertThat(pi).hasPassed("Task_NotifyMissingMaterials").isWaitingAt("Gateway_WaitForSupplement");
        steps.missingMaterials = "";
        runtimeService().createMessageCorrelation("MaterialsSupplied").processInstanceBusinessKey(CASE_ID).correlate();
        assertThat(pi).hasPassed("Event_MaterialsSupplied").isWaitingAt("Task_ReviewMaterials");
        reviewComplete(pi);
        assertThat(pi).isWaitingAt("Task_EmploymentRegistration");
    }

    @Test
    void aSupplementNeverBroughtWithdrawsTheCase() {
        steps.missingMaterials = "LABOR_CONTRACTS";
        ProcessInstance pi = accept(Map.of("employees", List.of(employee("李雷", EmployeeHiringRulesTest.BORN_1995_03_01, "2026-11-25"))));
        reviewComplete(pi);
        execute(job());
        assertThat(pi).hasPassed("Task_WithdrawCase").isEnded().hasPassed("End_Withdrawn");
    }
}
