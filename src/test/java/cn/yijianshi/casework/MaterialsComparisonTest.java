package cn.yijianshi.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.TestCitizens;
import cn.yijianshi.intake.CaseIntake;
import cn.yijianshi.intake.CaseIntakeRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-11-23T10:00")));
        Map<String, Object> body = TestCitizens.retirementIntake("材料比对", TestCitizens.RETIRING_MAN);
        body.put("materials", List.of("ID_CARD", "HUKOU"));
        String caseId = intake.accept(json.convertValue(body, CaseIntakeRequest.class), null, "window1").caseId();
        Task review = taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();

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

    private String materialsSummary(Task task) {
        return formService.getTaskFormData(task.getId()).getFormFields().stream()
                .filter(field -> field.getId().equals("materialsSummary")).map(FormField::getValue)
                .map(value -> (String) value.getValue()).findFirst().orElseThrow();
    }
}
