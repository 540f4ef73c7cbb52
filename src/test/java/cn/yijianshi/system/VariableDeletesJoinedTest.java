package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import cn.yijianshi.HallIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbEntityOperation;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperation;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperationType;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The variables a command deletes (an ended case's all) go in one statement ({@link VariableDeletesJoined}), with what Camunda's statements one
 * by one guarantee: every runtime variable and its byte array gone, the history kept, and a variable another
 * transaction changed meanwhile failing the end with an OptimisticLockingException, nothing deleted, and the
 * retry going through.
 */
@HallIntegrationTest
class VariableDeletesJoinedTest {

    private static final String KEY = "Process_EndedVariables";

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    DataSource dataSource;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void undeploy() {
        ChangeMeanwhile.dataSource = null;
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void theVariablesOfAnEndedInstanceAreGoneAndTheirHistoryKept() throws Exception {
        deploy(Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1).startEvent("Start_Received")
                .parallelGateway("Gateway_Split").userTask("Task_Pension").parallelGateway("Gateway_Join").userTask("Task_Join")
                .endEvent("End_Done").moveToNode("Gateway_Split").userTask("Task_Medical").connectTo("Gateway_Join").done());
        String instance = runtimeService.startProcessInstanceByKey(KEY, "CASE-EV1", Variables.createVariables()
                .putValue("caseId", "CASE-EV1").putValue("months", 360).putValue("index", 1.2)
                .putValue("sheet", Variables.byteArrayValue("测算表".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .putValue("materials", Variables.objectValue(new ArrayList<>(List.of("ID_CARD", "HUKOU")))
                        .serializationDataFormat(Variables.SerializationDataFormats.JAVA).create())).getId();
        for (Task task : taskService.createTaskQuery().processInstanceId(instance).list()) {
            taskService.setVariableLocal(task.getId(), "opinion", "同意");
            runtimeService.setVariableLocal(task.getExecutionId(), "branchResult", task.getTaskDefinitionKey());
            taskService.complete(task.getId(), Map.of("done_" + task.getTaskDefinitionKey(), true));
        }
        List<String> byteArrays = byteArraysOf(instance);
        assertThat(byteArrays).as("the byte and object values are stored as byte arrays").hasSize(2);
        assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(instance).count()).isGreaterThan(5);

        Task last = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        taskService.complete(last.getId(), Map.of("approved", true));

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(count("select count(*) from ACT_RU_VARIABLE where PROC_INST_ID_ = ?", instance)).isZero();
        for (String byteArray : byteArrays) {
            assertThat(count("select count(*) from ACT_GE_BYTEARRAY where ID_ = ?", byteArray)).isZero();
        }
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
                .extracting(HistoricVariableInstance::getName)
                .contains("months", "index", "sheet", "materials", "approved", "done_Task_Pension");
    }

    @Test
    void aVariableChangedMeanwhileFailsTheEndWithNothingDeletedAndTheRetryGoesThrough() throws Exception {
        deploy(Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1).startEvent("Start_Received")
                .userTask("Task_Approve").endEvent("End_Done")
                .camundaExecutionListenerClass(ExecutionListener.EVENTNAME_START, ChangeMeanwhile.class).done());
        String instance = runtimeService.startProcessInstanceByKey(KEY, "CASE-EV2",
                Map.of("caseId", "CASE-EV2", "months", 360, "decision", "APPROVE")).getId();
        Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        ChangeMeanwhile.dataSource = dataSource;

        assertThatThrownBy(() -> taskService.complete(task.getId())).isInstanceOf(OptimisticLockingException.class);

        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the completion was rolled back").isOne();
        assertThat(count("select count(*) from ACT_RU_VARIABLE where PROC_INST_ID_ = ?", instance)).isEqualTo(3);
        ChangeMeanwhile.dataSource = null;
        // the retry, on MariaDB on the same pooled connection, whose cached statements the failed flush used
        // (StatementsStartWithoutBatch: they kept the failed batch, and the retry failed on it)
        taskService.complete(task.getId());
        assertThat(count("select count(*) from ACT_RU_VARIABLE where PROC_INST_ID_ = ?", instance)).isZero();
    }

    @Test
    void theVariableDeletesOfAFlushBecomeOneInTheirPlace() {
        VariableDeletesJoined.Operations operations = new VariableDeletesJoined.Operations();
        operations.addOperation(delete(execution("pi-1", null)));
        operations.addOperation(delete(execution("ex-2", "pi-1")));
        for (int i = 0; i < VariableDeletesJoined.AT_MOST + 3; i++) {
            operations.addOperation(delete(variable("v-" + i, 1 + i % 3)));
        }
        ByteArrayEntity bytes = new ByteArrayEntity();
        bytes.setId("b-1");
        operations.addOperation(delete(bytes));

        List<DbOperation> flush = operations.calculateFlush();

        assertThat(flush).filteredOn(o -> o instanceof DbEntityOperation e && e.getEntity() instanceof VariableInstanceEntity)
                .as("no variable deleted on its own").isEmpty();
        List<VariableDeletesJoined.JoinedDelete> joined = flush.stream()
                .filter(o -> o instanceof VariableDeletesJoined.JoinedDelete).map(o -> (VariableDeletesJoined.JoinedDelete) o).toList();
        assertThat(joined).extracting(VariableDeletesJoined.JoinedDelete::variables)
                .as("at most %d a statement", VariableDeletesJoined.AT_MOST).containsExactlyInAnyOrder(VariableDeletesJoined.AT_MOST, 3);
        assertThat(joined).allSatisfy(d -> {
            assertThat(d.getOperationType()).isEqualTo(DbOperationType.DELETE_BULK);
            assertThat(d.getStatement()).isEqualTo(VariableDeletesJoined.STATEMENT);
            assertThat(flush.indexOf(d)).as("before the byte arrays and the executions, where Camunda puts variable deletes")
                    .isLessThan(indexOf(flush, "b-1")).isLessThan(indexOf(flush, "pi-1")).isLessThan(indexOf(flush, "ex-2"));
        });
        assertThat(joined.stream().flatMap(d -> ((List<?>) d.getParameter()).stream())
                .map(v -> ((VariableInstanceEntity) v).getId() + "@" + ((VariableInstanceEntity) v).getRevision()).toList())
                .as("every variable once, at the revision read").hasSize(VariableDeletesJoined.AT_MOST + 3)
                .doesNotHaveDuplicates().contains("v-0@1", "v-1@2", "v-2@3", "v-202@2");
        assertThat(flush).hasSize(2 + 2 + 1);
    }

    @Test
    void aSingleVariableDeleteStaysCamundasOwn() {
        VariableDeletesJoined.Operations operations = new VariableDeletesJoined.Operations();
        operations.addOperation(delete(variable("v-1", 1)));
        assertThat(operations.calculateFlush()).singleElement().isInstanceOf(DbEntityOperation.class);
    }

    /** Changes a variable of the ending instance from another connection, as a concurrent transaction would. */
    public static class ChangeMeanwhile implements ExecutionListener {
        static volatile DataSource dataSource;

        @Override
        public void notify(DelegateExecution execution) throws Exception {
            if (dataSource == null) {
                return;
            }
            execution.getVariables(); // this command has read them
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (PreparedStatement update = connection.prepareStatement(
                        "update ACT_RU_VARIABLE set REV_ = REV_ + 1 where PROC_INST_ID_ = ? and NAME_ = 'months'")) {
                    update.setString(1, execution.getProcessInstanceId());
                    int n = update.executeUpdate();
                    assertThat(n).isOne();
                }
            }
        }
    }

    private static int indexOf(List<DbOperation> flush, String entityId) {
        for (int i = 0; i < flush.size(); i++) {
            if (flush.get(i) instanceof DbEntityOperation e && e.getEntity().getId().equals(entityId)) {
                return i;
            }
        }
        throw new AssertionError(entityId + " not in the flush");
    }

    private static ExecutionEntity execution(String id, String parentId) {
        ExecutionEntity execution = new ExecutionEntity();
        execution.setId(id);
        execution.setParentId(parentId);
        return execution;
    }

    private static VariableInstanceEntity variable(String id, int revision) {
        VariableInstanceEntity variable = new VariableInstanceEntity();
        variable.setId(id);
        variable.setRevision(revision);
        return variable;
    }

    private static DbEntityOperation delete(org.camunda.bpm.engine.impl.db.DbEntity entity) {
        DbEntityOperation operation = new DbEntityOperation();
        operation.setEntity(entity);
        operation.setOperationType(DbOperationType.DELETE);
        return operation;
    }

    private void deploy(org.camunda.bpm.model.bpmn.BpmnModelInstance model) {
        deployments.add(repositoryService.createDeployment().addModelInstance("ended-variables.bpmn", model).deploy().getId());
    }

    private List<String> byteArraysOf(String instance) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "select BYTEARRAY_ID_ from ACT_RU_VARIABLE where PROC_INST_ID_ = ? and BYTEARRAY_ID_ is not null")) {
            query.setString(1, instance);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private long count(String sql, String id) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
