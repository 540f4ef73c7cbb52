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
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The variable rows a command writes go in one statement of each kind ({@link EngineRowsJoined}): the same rows as
 * Camunda's statements one by one, and what those guarantee: every runtime variable and its byte array gone, the history kept, and a variable another
 * transaction changed meanwhile failing the end with an OptimisticLockingException, nothing deleted, and the
 * retry going through.
 */
@HallIntegrationTest
class EngineRowsJoinedTest {

    static final String KEY = "Process_EndedVariables";

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
    @Autowired
    org.camunda.bpm.engine.ProcessEngine processEngine;

    final List<String> deployments = new ArrayList<>();

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
    void theVariableRowsOfAFlushBecomeOneStatementEachInTheirPlace() {
        EngineRowsJoined.Operations operations = new EngineRowsJoined.Operations();
        operations.addOperation(insert(execution("pi-1", null)));
        ByteArrayEntity newBytes = new ByteArrayEntity();
        newBytes.setId("b-new");
        operations.addOperation(insert(newBytes));
        for (int i = 0; i < 3; i++) {
            operations.addOperation(insert(variable("n-" + i, 1)));
            operations.addOperation(insert(historicVariable("h-" + i)));
        }
        operations.addOperation(delete(execution("pi-9", null)));
        operations.addOperation(delete(execution("ex-2", "pi-9")));
        for (int i = 0; i < EngineRowsJoined.AT_MOST + 3; i++) {
            operations.addOperation(delete(variable("v-" + i, 1 + i % 3)));
        }
        ByteArrayEntity bytes = new ByteArrayEntity();
        bytes.setId("b-1");
        operations.addOperation(delete(bytes));

        List<DbOperation> flush = operations.calculateFlush();

        assertThat(flush).filteredOn(o -> o instanceof DbEntityOperation e
                        && (e.getEntity() instanceof VariableInstanceEntity || e.getEntity() instanceof HistoricVariableInstanceEntity))
                .as("no variable row written on its own").isEmpty();
        List<EngineRowsJoined.JoinedRows> joined = flush.stream()
                .filter(o -> o instanceof EngineRowsJoined.JoinedRows).map(o -> (EngineRowsJoined.JoinedRows) o).toList();
        assertThat(joined).extracting(EngineRowsJoined.JoinedRows::getStatement, EngineRowsJoined.JoinedRows::rows)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(EngineRowsJoined.INSERT_VARIABLES, 3),
                        org.assertj.core.groups.Tuple.tuple(EngineRowsJoined.INSERT_HISTORIC_VARIABLES, 3),
                        org.assertj.core.groups.Tuple.tuple(EngineRowsJoined.DELETE_VARIABLES, EngineRowsJoined.AT_MOST),
                        org.assertj.core.groups.Tuple.tuple(EngineRowsJoined.DELETE_VARIABLES, 3));
        EngineRowsJoined.JoinedRows inserted = joined.stream()
                .filter(j -> j.getStatement().equals(EngineRowsJoined.INSERT_VARIABLES)).findFirst().orElseThrow();
        assertThat(flush.indexOf(inserted)).as("after the executions and byte arrays the new variables refer to")
                .isGreaterThan(indexOf(flush, "pi-1")).isGreaterThan(indexOf(flush, "b-new"));
        joined.stream().filter(j -> j.getStatement().equals(EngineRowsJoined.DELETE_VARIABLES)).forEach(d -> {
            assertThat(d.getOperationType()).isEqualTo(DbOperationType.DELETE_BULK);
            assertThat(flush.indexOf(d)).as("before the byte arrays and the executions, where Camunda puts variable deletes")
                    .isLessThan(indexOf(flush, "b-1")).isLessThan(indexOf(flush, "pi-9")).isLessThan(indexOf(flush, "ex-2"));
        });
        assertThat(joined.stream().filter(j -> j.getStatement().equals(EngineRowsJoined.DELETE_VARIABLES))
                .flatMap(d -> ((List<?>) d.getParameter()).stream())
                .map(v -> ((VariableInstanceEntity) v).getId() + "@" + ((VariableInstanceEntity) v).getRevision()).toList())
                .as("every variable once, at the revision read").hasSize(EngineRowsJoined.AT_MOST + 3)
                .doesNotHaveDuplicates().contains("v-0@1", "v-1@2", "v-2@3", "v-102@1");
        assertThat(flush).hasSize(2 + 2 + 2 + 2 + 1);
    }

    @Test
    void aStatementsSqlIsMadeOncePerNumberOfRowsAndBindsEachCallsOwnRows() {
        var configuration = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine
                .getProcessEngineConfiguration()).getSqlSessionFactory().getConfiguration();
        var statement = configuration.getMappedStatement(EngineRowsJoined.DELETE_VARIABLES);
        List<VariableInstanceEntity> first = List.of(variable("a-1", 1), variable("a-2", 2));
        List<VariableInstanceEntity> second = List.of(variable("b-1", 3), variable("b-2", 4));
        var firstSql = statement.getBoundSql(Map.of("list", first));
        var secondSql = statement.getBoundSql(Map.of("list", second));
        var thirdSql = statement.getBoundSql(Map.of("list", List.of(variable("c-1", 5), variable("c-2", 6), variable("c-3", 7))));

        assertThat(secondSql.getSql()).isEqualTo(firstSql.getSql()).contains("REV_");
        assertThat(thirdSql.getSql()).isNotEqualTo(firstSql.getSql());
        assertThat(secondSql.getParameterMappings().stream().map(m -> secondSql.getAdditionalParameter(m.getProperty())).toList())
                .containsExactly("b-1", 3, "b-2", 4);
        assertThat(thirdSql.getParameterMappings().stream().map(m -> thirdSql.getAdditionalParameter(m.getProperty())).toList())
                .containsExactly("c-1", 5, "c-2", 6, "c-3", 7);
    }

    @Test
    void rowsInsertedTogetherHaveRevisionOneAsCamundasOwnInsertGivesThem() {
        var engine = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        var authorizations = processEngine.getAuthorizationService();
        // one command inserts two grants: one joined statement
        List<org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity> grants =
                engine.getCommandExecutorTxRequired().execute(context -> {
                    List<org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity> made = new ArrayList<>();
                    for (String group : List.of("ej-group-1", "ej-group-2")) {
                        var grant = readGrant(group, "ej-task-" + group);
                        context.getDbEntityManager().insert(grant);
                        made.add(grant);
                    }
                    return made;
                });
        try {
            assertThat(grants).extracting(org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity::getRevision)
                    .containsExactly(1, 1);
            // the same object saved again is updated at the revision its row has (at 0 it would be a conflict)
            grants.get(0).addPermission(org.camunda.bpm.engine.authorization.Permissions.UPDATE);
            authorizations.saveAuthorization(grants.get(0));
            assertThat(authorizations.createAuthorizationQuery().authorizationId(grants.get(0).getId()).singleResult()
                    .isPermissionGranted(org.camunda.bpm.engine.authorization.Permissions.UPDATE)).isTrue();
        } finally {
            grants.forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
        }
    }

    @Test
    void variablesInsertedTogetherForAnExecutionThatIsGoneAreAConcurrentChange() {
        var engine = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        deploy(Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1).startEvent("Start_Received")
                .userTask("Task_Approve").endEvent("End_Done").done());
        String instance = runtimeService.startProcessInstanceByKey(KEY, "CASE-EV6").getId();
        assertThatThrownBy(() -> engine.getCommandExecutorTxRequired().execute(context -> {
            var execution = context.getExecutionManager().findExecutionById(instance);
            endElsewhere(instance); // another transaction ends the case meanwhile
            execution.setVariablesLocal(Map.of("months", 360, "decision", "APPROVE"));
            return null;
        })).isInstanceOf(OptimisticLockingException.class);
    }

    /** A grant of READ on a task to a group, not yet saved. */
    static org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity readGrant(String group, String taskId) {
        var grant = new org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity(
                org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(org.camunda.bpm.engine.authorization.Resources.TASK);
        grant.setResourceId(taskId);
        grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
        return grant;
    }

    /** Ends the case from another connection, committed at once, as another node's transaction would. */
    void endElsewhere(String instance) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("delete from ACT_RU_IDENTITYLINK where TASK_ID_ in "
                        + "(select ID_ from ACT_RU_TASK where PROC_INST_ID_ = '" + instance + "')");
                statement.executeUpdate("delete from ACT_RU_TASK where PROC_INST_ID_ = '" + instance + "'");
                statement.executeUpdate("delete from ACT_RU_EXECUTION where ID_ = '" + instance + "'");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSingleRowStaysCamundasOwnStatement() {
        EngineRowsJoined.Operations operations = new EngineRowsJoined.Operations();
        operations.addOperation(delete(variable("v-1", 1)));
        operations.addOperation(insert(variable("v-2", 1)));
        assertThat(operations.calculateFlush()).hasSize(2).allSatisfy(o -> assertThat(o).isInstanceOf(DbEntityOperation.class));
    }

    private static final String DMN = """
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                id="Definitions_Rows" name="行测试" namespace="http://camunda.org/schema/1.0/dmn">
              <decision id="Decision_Rows" name="行测试决策" camunda:historyTimeToLive="1">
                <decisionTable id="Table_Rows" hitPolicy="UNIQUE">
                  <input id="Input_Months" label="缴费月数"><inputExpression id="Expression_Months" typeRef="integer"><text>months</text></inputExpression></input>
                  <input id="Input_Kind" label="类型"><inputExpression id="Expression_Kind" typeRef="string"><text>kind</text></inputExpression></input>
                  <input id="Input_Index" label="指数"><inputExpression id="Expression_Index" typeRef="double"><text>index</text></inputExpression></input>
                  <output id="Output_Eligible" label="符合" name="eligible" typeRef="boolean"/>
                  <output id="Output_Reason" label="说明" name="reason" typeRef="string"/>
                  <rule id="Rule_Yes">
                    <inputEntry id="Entry_Yes_Months"><text>&gt;= 180</text></inputEntry>
                    <inputEntry id="Entry_Yes_Kind"><text>"NORMAL"</text></inputEntry>
                    <inputEntry id="Entry_Yes_Index"><text>-</text></inputEntry>
                    <outputEntry id="Out_Yes_Eligible"><text>true</text></outputEntry>
                    <outputEntry id="Out_Yes_Reason"><text>"缴费满15年"</text></outputEntry>
                  </rule>
                  <rule id="Rule_No">
                    <inputEntry id="Entry_No_Months"><text>&lt; 180</text></inputEntry>
                    <inputEntry id="Entry_No_Kind"><text>-</text></inputEntry>
                    <inputEntry id="Entry_No_Index"><text>-</text></inputEntry>
                    <outputEntry id="Out_No_Eligible"><text>false</text></outputEntry>
                    <outputEntry id="Out_No_Reason"><text>"缴费不足"</text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    /** A case with a decision, two parallel branches with candidate groups, and a last task. */
    void deployRowsCase() {
        deployments.add(repositoryService.createDeployment().addString("rows.dmn", DMN)
                .addModelInstance("rows.bpmn", Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
                        .startEvent("Start_Received").businessRuleTask("Task_Decide").camundaDecisionRef("Decision_Rows")
                        .camundaMapDecisionResult("singleResult").camundaResultVariable("decision")
                        .parallelGateway("Gateway_Split").userTask("Task_Pension").camundaCandidateGroups("dept-pension")
                        .parallelGateway("Gateway_Join").userTask("Task_Approve").endEvent("End_Done")
                        .moveToNode("Gateway_Split").userTask("Task_Medical").camundaCandidateGroups("dept-medical")
                        .connectTo("Gateway_Join").done()).deploy().getId());
    }

    @Test
    void theJoinedRowsAreTheRowsCamundasOwnStatementsWrite() throws Exception {
        deployRowsCase();
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("text", "张三 已审核");
        values.put("kind", "NORMAL");
        values.put("months", 360);
        values.put("balance", 139000L);
        values.put("index", 1.25);
        values.put("approved", true);
        values.put("nothing", null);
        values.put("due", java.util.Date.from(java.time.Instant.parse("2026-03-02T01:00:00Z")));
        values.put("sheet", Variables.byteArrayValue("测算表".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        values.put("materials", Variables.objectValue(new ArrayList<>(List.of("ID_CARD", "HUKOU")))
                .serializationDataFormat(Variables.SerializationDataFormats.JAVA).create());

        List<List<List<Object>>> camundas = runCase("CASE-EV3", values, false);
        List<List<List<Object>>> joined = runCase("CASE-EV4", values, true);
        List<List<List<Object>>> joinedAgain = runCase("CASE-EV5", values, true); // each statement's SQL made before

        assertThat(camundas.get(0)).as("variables").hasSize(values.size() + 1);
        assertThat(camundas.get(1)).as("executions: the case and its two branches").hasSize(3);
        assertThat(camundas.get(2)).as("two tasks, each with its candidate group and the group's grant").hasSize(2)
                .allSatisfy(row -> assertThat(row.get(22)).isNotNull().isEqualTo(row.get(27)));
        assertThat(camundas.get(4)).as("activity history").hasSizeGreaterThanOrEqualTo(5);
        assertThat(camundas.get(6)).as("decision inputs").hasSize(3);
        assertThat(camundas.get(7)).as("decision outputs").hasSize(2);
        for (int table = 0; table < camundas.size(); table++) {
            assertThat(joined.get(table)).as("table %d", table).isEqualTo(camundas.get(table));
            assertThat(joinedAgain.get(table)).as("table %d, again", table).isEqualTo(camundas.get(table));
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("CASE-EV4").count()).isZero();
    }

    /** One case, start to end, at a fixed instant; its rows without ids (runtime variables read before its end). */
    List<List<List<Object>>> runCase(String key, Map<String, Object> values, boolean joining) throws Exception {
        return runCase(key, values, joining, java.time.Instant.parse("2026-03-02T02:00:00Z"));
    }

    /** As {@link #runCase(String, Map, boolean)}, at the given instant. */
    List<List<List<Object>>> runCase(String key, Map<String, Object> values, boolean joining, java.time.Instant at) throws Exception {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(at));
        EngineRowsJoined.joining = joining;
        try {
            String instance = runtimeService.startProcessInstanceByKey(KEY, key, values).getId();
            List<List<List<Object>>> tables = new ArrayList<>();
            tables.add(rows("select NAME_, TYPE_, PROC_DEF_ID_, CASE_INST_ID_, CASE_EXECUTION_ID_, TASK_ID_, BATCH_ID_, "
                    + "BYTEARRAY_ID_ is not null, DOUBLE_, LONG_, TEXT_, TEXT2_, IS_CONCURRENT_LOCAL_, TENANT_ID_, REV_, "
                    + "EXECUTION_ID_ = PROC_INST_ID_, VAR_SCOPE_ = PROC_INST_ID_, SEQUENCE_COUNTER_ "
                    + "from ACT_RU_VARIABLE where PROC_INST_ID_ = ? order by NAME_", instance));
            tables.add(rows("select ID_ = PROC_INST_ID_, ROOT_PROC_INST_ID_ = PROC_INST_ID_, BUSINESS_KEY_ is null, PROC_DEF_ID_, "
                    + "ACT_ID_, ACT_INST_ID_ is null, IS_ACTIVE_, IS_CONCURRENT_, IS_SCOPE_, IS_EVENT_SCOPE_, "
                    + "PARENT_ID_ = PROC_INST_ID_, SUPER_EXEC_, SUPER_CASE_EXEC_, CASE_INST_ID_, SUSPENSION_STATE_, "
                    + "CACHED_ENT_STATE_, SEQUENCE_COUNTER_, TENANT_ID_, PROC_DEF_KEY_, REV_ from ACT_RU_EXECUTION "
                    + "where PROC_INST_ID_ = ? order by 1, ACT_ID_", instance));
            tables.add(rows("select t.TASK_DEF_KEY_, t.NAME_, t.PARENT_TASK_ID_, t.DESCRIPTION_, t.PRIORITY_, t.CREATE_TIME_, "
                    + "t.LAST_UPDATED_, t.OWNER_, t.ASSIGNEE_, t.DELEGATION_, t.PROC_DEF_ID_, t.CASE_EXECUTION_ID_, t.CASE_INST_ID_, "
                    + "t.CASE_DEF_ID_, t.DUE_DATE_, t.FOLLOW_UP_DATE_, t.SUSPENSION_STATE_, t.TENANT_ID_, t.REV_, t.TASK_STATE_, "
                    + "l.TYPE_, l.USER_ID_, l.GROUP_ID_, l.PROC_DEF_ID_, l.TENANT_ID_, l.REV_, "
                    + "a.TYPE_, a.GROUP_ID_, a.USER_ID_, a.RESOURCE_TYPE_, a.PERMS_, a.ROOT_PROC_INST_ID_ is null, a.REMOVAL_TIME_, a.REV_ "
                    + "from ACT_RU_TASK t left join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_ "
                    + "left join ACT_RU_AUTHORIZATION a on a.RESOURCE_ID_ = t.ID_ where t.PROC_INST_ID_ = ? "
                    + "order by t.TASK_DEF_KEY_, l.GROUP_ID_, a.GROUP_ID_", instance));
            for (Task task : taskService.createTaskQuery().processInstanceId(instance).list()) {
                taskService.complete(task.getId(), Map.of("done_" + task.getTaskDefinitionKey(), true));
            }
            taskService.complete(taskService.createTaskQuery().processInstanceId(instance).singleResult().getId());
            tables.add(rows("select NAME_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_ = PROC_INST_ID_, "
                    + "EXECUTION_ID_ = PROC_INST_ID_, ACT_INST_ID_ = PROC_INST_ID_, TENANT_ID_, CASE_DEF_KEY_, CASE_DEF_ID_, "
                    + "CASE_INST_ID_, CASE_EXECUTION_ID_, TASK_ID_, REV_, VAR_TYPE_, CREATE_TIME_, REMOVAL_TIME_, "
                    + "BYTEARRAY_ID_ is not null, DOUBLE_, LONG_, TEXT_, TEXT2_, STATE_ from ACT_HI_VARINST where PROC_INST_ID_ = ? "
                    + "order by NAME_", instance));
            tables.add(rows("select ACT_ID_, ACT_NAME_, ACT_TYPE_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_ = PROC_INST_ID_, "
                    + "PARENT_ACT_INST_ID_ = PROC_INST_ID_, TASK_ID_ is null, CALL_PROC_INST_ID_, CALL_CASE_INST_ID_, ASSIGNEE_, "
                    + "START_TIME_, END_TIME_, DURATION_, ACT_INST_STATE_, SEQUENCE_COUNTER_, TENANT_ID_, REMOVAL_TIME_ "
                    + "from ACT_HI_ACTINST where PROC_INST_ID_ = ? order by ACT_ID_, SEQUENCE_COUNTER_", instance));
            tables.add(rows("select TASK_DEF_KEY_, NAME_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_ = PROC_INST_ID_, "
                    + "CASE_DEF_KEY_, CASE_DEF_ID_, CASE_INST_ID_, CASE_EXECUTION_ID_, PARENT_TASK_ID_, DESCRIPTION_, OWNER_, "
                    + "ASSIGNEE_, START_TIME_, END_TIME_, DURATION_, DELETE_REASON_, PRIORITY_, DUE_DATE_, FOLLOW_UP_DATE_, "
                    + "TENANT_ID_, REMOVAL_TIME_, TASK_STATE_ from ACT_HI_TASKINST where PROC_INST_ID_ = ? order by TASK_DEF_KEY_", instance));
            tables.add(rows("select i.CLAUSE_ID_, i.CLAUSE_NAME_, i.VAR_TYPE_, i.BYTEARRAY_ID_, i.DOUBLE_, i.LONG_, i.TEXT_, i.TEXT2_, "
                    + "i.TENANT_ID_, i.CREATE_TIME_, i.ROOT_PROC_INST_ID_ = d.PROC_INST_ID_, i.REMOVAL_TIME_ from ACT_HI_DEC_IN i "
                    + "join ACT_HI_DECINST d on d.ID_ = i.DEC_INST_ID_ where d.PROC_INST_ID_ = ? order by i.CLAUSE_ID_", instance));
            tables.add(rows("select o.CLAUSE_ID_, o.CLAUSE_NAME_, o.RULE_ID_, o.RULE_ORDER_, o.VAR_NAME_, o.VAR_TYPE_, o.BYTEARRAY_ID_, "
                    + "o.DOUBLE_, o.LONG_, o.TEXT_, o.TEXT2_, o.TENANT_ID_, o.CREATE_TIME_, o.ROOT_PROC_INST_ID_ = d.PROC_INST_ID_, "
                    + "o.REMOVAL_TIME_ from ACT_HI_DEC_OUT o join ACT_HI_DECINST d on d.ID_ = o.DEC_INST_ID_ "
                    + "where d.PROC_INST_ID_ = ? order by o.CLAUSE_ID_", instance));
            tables.add(rows("select h.NAME_, b.BYTES_, b.TYPE_, b.CREATE_TIME_ from ACT_HI_VARINST h "
                    + "join ACT_GE_BYTEARRAY b on b.ID_ = h.BYTEARRAY_ID_ where h.PROC_INST_ID_ = ? order by h.NAME_", instance));
            return tables;
        } finally {
            EngineRowsJoined.joining = true;
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    private List<List<Object>> rows(String sql, String instance) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, instance);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        Object value = rs.getObject(c);
                        if (value instanceof java.sql.Blob blob) {
                            value = blob.getBytes(1, (int) blob.length());
                        }
                        row.add(value instanceof byte[] b ? java.util.HexFormat.of().formatHex(b)
                                : value instanceof Number n && !(value instanceof Double) ? n.longValue() : value);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
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

    private static HistoricVariableInstanceEntity historicVariable(String id) {
        HistoricVariableInstanceEntity variable = new HistoricVariableInstanceEntity();
        variable.setId(id);
        return variable;
    }

    private static DbEntityOperation insert(org.camunda.bpm.engine.impl.db.DbEntity entity) {
        DbEntityOperation operation = new DbEntityOperation();
        operation.setEntity(entity);
        operation.setOperationType(DbOperationType.INSERT);
        return operation;
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

    long count(String sql, String id) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
