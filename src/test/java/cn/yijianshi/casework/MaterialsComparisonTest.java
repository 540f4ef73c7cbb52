package cn.yijianshi.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.TestCitizens;
import cn.yijianshi.catalog.RequiredMaterials;
import cn.yijianshi.intake.CaseIntake;
import cn.yijianshi.intake.CaseIntakeRequest;
import cn.yijianshi.intake.CaseMapper;
import cn.yijianshi.intake.MaterialCodes;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 比对已交材料 on a real intake: what the matter's table requires and what is still missing are kept as text, so the
 * case holds no serialized object; 审核材料's 材料比对 reads them, and reads a case started before this (its required
 * list kept as JSON) the same.
 */
@HallIntegrationTest
class MaterialsComparisonTest {

    @Autowired
    CaseIntake intake;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    FormService formService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
    }

    @Test
    void theRequiredAndMissingMaterialsAreTextAndTheCaseHoldsNoSerializedObject() {
        Task review = reviewAfterIntakeWithIdCardAndHukou("材料比对");

        TypedValue required = runtimeService.getVariableTyped(review.getProcessInstanceId(), "requiredMaterials");
        assertThat(required.getType().getName()).isEqualTo("string");
        assertThat((String) required.getValue()).startsWith("ID_CARD,HUKOU,").contains("APPLICATION_FORM");
        assertThat(runtimeService.getVariable(review.getProcessInstanceId(), "missingMaterialCodes"))
                .isEqualTo(((String) required.getValue()).substring("ID_CARD,HUKOU,".length()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ = ? AND BYTEARRAY_ID_ IS NOT NULL",
                Integer.class, review.getProcessInstanceId())).as("no serialized object, no byte array").isZero();

        String summary = materialsSummary(review);
        assertThat(summary).startsWith("应交材料：").contains("已交材料：居民身份证、户口簿").contains("尚缺材料：")
                .doesNotContain("尚缺材料：无");

        // A case started before this kept the table's answer as a JSON list: its 材料比对 reads the same.
        List<String> codes = List.of(((String) required.getValue()).split(","));
        runtimeService.setVariable(review.getProcessInstanceId(), "requiredMaterials",
                Variables.objectValue(codes).serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        assertThat(runtimeService.getVariableTyped(review.getProcessInstanceId(), "requiredMaterials", false).getType().getName())
                .isEqualTo("object");
        assertThat(materialsSummary(review)).isEqualTo(summary);
    }

    @Test
    void atTheIntakeTheMaterialsComeWithTheStartAndAreNeverStored() {
        String instance = reviewAfterIntakeWithIdCardAndHukou("材料随受理").getProcessInstanceId();
        assertThat(runtimeService.getVariable(instance, MaterialCodes.RECEIVED_AT_INTAKE)).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ? AND NAME_ = ?",
                Integer.class, instance, MaterialCodes.RECEIVED_AT_INTAKE)).isZero();

        // 比对 with the intake's materials takes them, not the case's rows; without them (after 补正) it reads the rows
        CaseMapper rows = org.mockito.Mockito.mock(CaseMapper.class);
        org.mockito.Mockito.when(rows.materialCodes("TX-1")).thenReturn(List.of("ID_CARD"));
        DelegateExecution step = org.mockito.Mockito.mock(DelegateExecution.class);
        org.mockito.Mockito.when(step.getProcessBusinessKey()).thenReturn("TX-1");
        org.mockito.Mockito.when(step.getVariable(RequiredMaterials.RESULT_VARIABLE)).thenReturn("ID_CARD,HUKOU,ARCHIVES");
        org.mockito.Mockito.when(step.getVariable(MaterialCodes.RECEIVED_AT_INTAKE)).thenReturn("ID_CARD,ARCHIVES");
        new MaterialsComparison(rows).execute(step);
        org.mockito.Mockito.verify(step).setVariable("missingMaterialCodes", "HUKOU");
        org.mockito.Mockito.verifyNoInteractions(rows);

        org.mockito.Mockito.when(step.getVariable(MaterialCodes.RECEIVED_AT_INTAKE)).thenReturn(null);
        new MaterialsComparison(rows).execute(step);
        org.mockito.Mockito.verify(step).setVariable("missingMaterialCodes", "HUKOU,ARCHIVES");
    }

    /** A retirement case accepted at the window with the ID card and the 户口簿 only, at its 审核材料. */
    private Task reviewAfterIntakeWithIdCardAndHukou(String applicantName) {
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-11-23T10:00")));
        Map<String, Object> body = TestCitizens.retirementIntake(applicantName, TestCitizens.RETIRING_MAN);
        body.put("materials", List.of("ID_CARD", "HUKOU"));
        String caseId = intake.accept(json.convertValue(body, CaseIntakeRequest.class), null, "window1").caseId();
        return taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();
    }

    private String materialsSummary(Task task) {
        return formService.getTaskFormData(task.getId()).getFormFields().stream()
                .filter(field -> field.getId().equals("materialsSummary")).map(FormField::getValue)
                .map(value -> (String) value.getValue()).findFirst().orElseThrow();
    }
}
