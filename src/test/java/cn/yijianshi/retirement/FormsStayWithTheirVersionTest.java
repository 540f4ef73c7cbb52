package cn.yijianshi.retirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.TestCalendars;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A new version of 退休一件事 whose 审核材料 form changed leaves the form of a case already waiting there as it was:
 * every task takes its form from its own deployment.
 */
class FormsStayWithTheirVersionTest {

    private static final String KEY = "retirement-one-stop";
    private static final String FORM = "forms/retirement/review-materials.form";

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    private final List<String> deployments = new ArrayList<>();
    private ProcessEngine processEngine;
    private RepositoryService repository;

    @BeforeEach
    void standInForJavaSteps() {
        processEngine = engine.getProcessEngine();
        repository = processEngine.getRepositoryService();
        JavaDelegate noop = execution -> { };
        Mocks.register("materialsComparison", (JavaDelegate) execution -> execution.setVariable("missingMaterialCodes", ""));
        Mocks.register("caseMilestones", mock(CaseMilestones.class));
        Mocks.register("eligibilityFacts", noop);
        Mocks.register("sla", TestCalendars.slaClock());
        Mocks.register("slaTimer", (TaskListener) task -> { });
    }

    @AfterEach
    void cleanUp() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
        Mocks.reset();
    }

    private void deploy(String reviewForm) throws IOException {
        DeploymentBuilder deployment = repository.createDeployment().enableDuplicateFiltering(false)
                .addClasspathResource("processes/retirement/retirement-one-stop.bpmn")
                .addClasspathResource("processes/retirement/retirement-materials.dmn")
                .addClasspathResource("processes/retirement/retirement-eligibility.dmn")
                .addClasspathResource("stubs/hard-case-escalation-stub.bpmn")
                .addString(FORM, reviewForm);
        deployments.add(deployment.deploy().getId());
    }

    private ProcessInstance accept(String caseId) {
        Map<String, Object> vars = new HashMap<>(Map.of("caseId", caseId, "taskPriority", 50, "retirementType", "NORMAL",
                "hasFundAccount", true, "disputedSeniority", false));
        return processEngine.getRuntimeService().startProcessInstanceByKey(KEY, caseId, vars);
    }

    private String reviewFormOf(ProcessInstance pi) throws IOException {
        var task = processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ReviewMaterials");
        try (InputStream form = processEngine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aCaseWaitingForItsReviewKeepsItsFormWhenTheNextVersionChangesIt() throws IOException {
        String first;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(FORM)) {
            first = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        deploy(first);
        ProcessInstance running = accept("TX-20261123-000001");

        String second = first.replace("### 审核材料", "### 审核材料（新版）");
        assertThat(second).isNotEqualTo(first);
        deploy(second);
        ProcessInstance next = accept("TX-20261123-000002");

        assertThat(reviewFormOf(running)).isEqualTo(first);
        assertThat(reviewFormOf(next)).isEqualTo(second);
    }
}
