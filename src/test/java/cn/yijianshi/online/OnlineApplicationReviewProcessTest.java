package cn.yijianshi.online;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of 码上办网上申请预审: the review group accepts (a case is opened) or returns (the citizen is told why). */
@Deployment(resources = {"processes/online/online-application-review.bpmn"})
class OnlineApplicationReviewProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    private final List<String> done = new ArrayList<>();

    @BeforeEach
    void standInForJavaSteps() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("onlineCaseOpening", (JavaDelegate) execution -> {
            done.add("opened " + execution.getProcessBusinessKey());
            execution.setVariable("caseId", "TX-20261130-000009");
        });
        Mocks.register("onlineReturnNotice", (JavaDelegate) execution ->
                done.add("returned: " + execution.getVariable("returnReason")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance submitted() {
        return runtimeService().startProcessInstanceByKey("online-application-review", "WS-20261130-000001",
                Map.of("applicationId", "WS-20261130-000001", "reviewGroup", "online-review", "matterName", "退休一件事"));
    }

    @Test
    void theReviewGroupAcceptsAndTheApplicationBecomesACase() {
        ProcessInstance pi = submitted();
        assertThat(pi).isWaitingAt("Task_PreReviewOnline");
        assertThat(task(pi)).hasCandidateGroup("online-review").hasName("网上申请预审");
        taskService().complete(task(pi).getId(), withVariables("preReviewDecision", "ACCEPT"));
        assertThat(pi).hasPassed("Task_OpenCase").isEnded().hasPassed("End_Accepted")
                .variables().containsEntry("caseId", "TX-20261130-000009");
        org.assertj.core.api.Assertions.assertThat(done).containsExactly("opened WS-20261130-000001");
    }

    @Test
    void theReviewGroupReturnsItWithWhatIsWrongAndTheCitizenIsTold() {
        ProcessInstance pi = submitted();
        taskService().complete(task(pi).getId(), withVariables("preReviewDecision", "RETURN", "returnReason", "身份证照片不清晰"));
        assertThat(pi).hasPassed("Task_TellReturned").isEnded().hasPassed("End_Returned").hasNotPassed("Task_OpenCase");
        org.assertj.core.api.Assertions.assertThat(done).containsExactly("returned: 身份证照片不清晰");
    }
}
