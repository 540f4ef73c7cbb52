package cn.yijianshi.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCalendars;
import cn.yijianshi.intake.CaseIntake;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** 催办, 转办 and 抄送 over the API: who may, what each leaves behind, and every refusal. */
@HallIntegrationTest
class TaskActionsApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseIntake intake;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    private ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
        return http.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(body), JSON);
    }

    private static String messageOf(ResponseEntity<Map<String, Object>> answer) {
        return String.valueOf(answer.getBody().get("message"));
    }

    @Test
    void aCoordinatorChasesAnUnclaimedDepartmentTaskAtMostOnceAnHour() throws Exception {
        Instant start = TestCalendars.hall("2026-09-14T09:30");
        var opened = OpenDepartmentTasks.atArchives(intake, json, taskService, "催办测试", start);
        String chase = "/api/tasks/" + opened.archivesTaskId() + "/chase";

        assertThat(post("window1", chase, Map.of("message", "快点")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("archives1", chase, Map.of("message", "快点")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var otherHead = post("pensionhead1", chase, Map.of("message", "快点"));
        assertThat(otherHead.getStatusCode()).as("the head of another department").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(messageOf(otherHead)).contains("只有值班主任/协调员和本部门负责人可以催办");
        var blank = post("coord1", chase, Map.of("message", " "));
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(messageOf(blank)).contains("message");
        assertThat(historyService.createUserOperationLogQuery().taskId(opened.archivesTaskId()).operationType("Chase").count())
                .as("nothing written by a refusal").isZero();

        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofHours(2))));
        var chased = post("coord1", chase, Map.of("message", "档案审核已超时，请今天办完"));
        assertThat(chased.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((String) chased.getBody().get("nextChaseAt")).startsWith("2026-09-14T12:30");

        List<Comment> comments = taskService.getTaskComments(opened.archivesTaskId());
        assertThat(comments).singleElement().satisfies(c -> {
            assertThat(c.getFullMessage()).contains("【催办】", "周强（coord1）", "档案审核已超时，请今天办完");
            assertThat(c.getUserId()).isEqualTo("coord1");
        });
        UserOperationLogEntry logged = historyService.createUserOperationLogQuery().taskId(opened.archivesTaskId())
                .operationType("Chase").singleResult();
        assertThat(logged.getUserId()).isEqualTo("coord1");
        assertThat(logged.getNewValue()).isEqualTo("档案审核已超时，请今天办完");
        // unclaimed: the whole candidate group is told
        var notices = http.withBasicAuth("archives1", "archives1").exchange("/api/sla/notices", HttpMethod.GET, null, LIST).getBody();
        assertThat(notices).anySatisfy(n -> {
            assertThat(n.get("caseId")).isEqualTo(opened.caseId());
            assertThat(n.get("kindName")).isEqualTo("催办");
            assertThat((String) n.get("message")).contains("档案审核已超时，请今天办完");
        });
        var timeline = (List<?>) http.withBasicAuth("coord1", "coord1").exchange("/api/cases/" + opened.caseId(),
                HttpMethod.GET, null, JSON).getBody().get("timeline");
        assertThat(timeline.toString()).contains("TASK_CHASED", "催办「档案审核与工龄认定」", "尚无人认领");

        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(59))));
        var again = post("coord1", chase, Map.of("message", "再催"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(messageOf(again)).contains("每小时最多催办一次", "2026-09-14 12:30");
        assertThat(again.getBody().toString()).contains("at most once an hour");
        assertThat(taskService.getTaskComments(opened.archivesTaskId())).hasSize(1);

        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(1))));
        assertThat(post("coord1", chase, Map.of("message", "再催")).getStatusCode()).isEqualTo(HttpStatus.OK);
        ClockUtil.reset();

        // 时限达标 counts the chases of the department in the period
        ResponseEntity<byte[]> report = http.withBasicAuth("coord1", "coord1").exchange(
                "/api/reports/sla-compliance.xlsx?from=2026-09-14&to=2026-09-20", HttpMethod.GET, null, byte[].class);
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report.getBody()))) {
            Row archives = null;
            for (Row row : workbook.getSheet("催办")) {
                if ("档案".equals(row.getCell(0).getStringCellValue())) {
                    archives = row;
                }
            }
            assertThat(archives).as("a row for 档案 on the sheet 催办").isNotNull();
            assertThat(archives.getCell(1).getNumericCellValue()).isEqualTo(2.0);
            assertThat(archives.getCell(2).getNumericCellValue()).isEqualTo(1.0);
        }
    }

    @Test
    void theDepartmentsHeadChasesItsOwnClaimedTaskAndOnlyTheAssigneeIsTold() {
        var opened = OpenDepartmentTasks.atArchives(intake, json, taskService, "负责人催办", TestCalendars.hall("2026-09-15T09:30"));
        String pensionTask = OpenDepartmentTasks.atPension(taskService, opened);
        taskService.claim(pensionTask, "pension1");
        ClockUtil.reset();

        var chased = post("pensionhead1", "/api/tasks/" + pensionTask + "/chase", Map.of("message", "请优先核定"));
        assertThat(chased.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("pension2", "/api/tasks/" + pensionTask + "/chase", Map.of("message", "x")).getStatusCode())
                .as("department staff").isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(http.withBasicAuth("pension1", "pension1").exchange("/api/sla/notices", HttpMethod.GET, null, LIST).getBody())
                .anySatisfy(n -> assertThat((String) n.get("message")).contains(opened.caseId(), "请优先核定"));
        assertThat(http.withBasicAuth("pension2", "pension2").exchange("/api/sla/notices", HttpMethod.GET, null, LIST).getBody())
                .as("a chase of a claimed task is for its assignee alone")
                .noneSatisfy(n -> assertThat((String) n.get("message")).contains(opened.caseId()));
    }

    @Test
    void aCoordinatorReassignsOnlyWithinTheCandidateGroupAndWithAReason() {
        var opened = OpenDepartmentTasks.atArchives(intake, json, taskService, "转办测试", TestCalendars.hall("2026-09-16T09:30"));
        String pensionTask = OpenDepartmentTasks.atPension(taskService, opened);
        taskService.claim(pensionTask, "pension1");
        ClockUtil.reset();
        String reassign = "/api/tasks/" + pensionTask + "/reassign";

        var outside = post("coord1", reassign, Map.of("userId", "archives1", "reason", "张伟休假"));
        assertThat(outside.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(messageOf(outside)).startsWith("userId").contains("不是「社保经办」的成员");
        assertThat(post("coord1", reassign, Map.of("userId", "nobody-such", "reason", "x")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        var noReason = post("coord1", reassign, Map.of("userId", "pension2"));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(messageOf(noReason)).startsWith("reason");
        assertThat(post("pensionhead1", reassign, Map.of("userId", "pension2", "reason", "x")).getStatusCode())
                .as("a head chases but does not reassign").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("pension1", reassign, Map.of("userId", "pension2", "reason", "x")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("coord1", "/api/tasks/no-such-task/reassign", Map.of("userId", "pension2", "reason", "x"))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(taskService.createTaskQuery().taskId(pensionTask).singleResult().getAssignee()).isEqualTo("pension1");

        var actions = http.withBasicAuth("coord1", "coord1").exchange("/api/tasks/" + pensionTask + "/actions",
                HttpMethod.GET, null, JSON).getBody();
        assertThat(((List<?>) actions.get("reassignTo")).stream().map(m -> (String) ((Map<?, ?>) m).get("id")).toList())
                .as("the group's members but the assignee").contains("pension2", "pensionhead1").doesNotContain("pension1", "archives1");
        assertThat((List<Map<String, Object>>) actions.get("reassignTo")).as("named as Tasklist names them")
                .contains(Map.of("id", "pension2", "name", "刘洋（pension2）"));

        var moved = post("coord1", reassign, Map.of("userId", "pension2", "reason", "张伟休假"));
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(moved.getBody()).containsEntry("assignee", "pension2");
        assertThat(taskService.createTaskQuery().taskId(pensionTask).singleResult().getAssignee()).isEqualTo("pension2");
        UserOperationLogEntry assign = historyService.createUserOperationLogQuery().taskId(pensionTask).operationType("Assign")
                .userId("coord1").singleResult();
        assertThat(assign.getOrgValue()).isEqualTo("pension1");
        assertThat(assign.getNewValue()).isEqualTo("pension2");
        assertThat(taskService.getTaskComments(pensionTask)).anySatisfy(c -> assertThat(c.getFullMessage()).contains("【转办】", "张伟休假"));
        var timeline = (List<?>) http.withBasicAuth("coord1", "coord1").exchange("/api/cases/" + opened.caseId(),
                HttpMethod.GET, null, JSON).getBody().get("timeline");
        assertThat(timeline.toString()).contains("TASK_REASSIGNED", "转办「养老金核定」", "张伟（pension1）", "刘洋（pension2）", "张伟休假");
        assertThat(http.withBasicAuth("pension2", "pension2").exchange("/api/sla/notices", HttpMethod.GET, null, LIST).getBody())
                .anySatisfy(n -> assertThat(n.get("kindName")).isEqualTo("转办"));
    }

    @Test
    void aCopiedColleagueReadsTheTaskButCannotClaimOrCompleteIt() {
        var opened = OpenDepartmentTasks.atArchives(intake, json, taskService, "抄送测试", TestCalendars.hall("2026-09-17T09:30"));
        ClockUtil.reset();
        String cc = "/api/tasks/" + opened.archivesTaskId() + "/cc";

        assertThat(post("window1", cc, Map.of("userIds", List.of("pension1"))).getStatusCode())
                .as("not a performer of the task").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("pension1", "pension1").getForEntity("/api/cases/" + opened.caseId(), String.class)
                .getStatusCode()).as("not yet copied").isEqualTo(HttpStatus.FORBIDDEN);
        var empty = post("archives1", cc, Map.of("userIds", List.of()));
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(messageOf(empty)).startsWith("userIds");
        assertThat(post("archives1", cc, Map.of("userIds", List.of("no-such-user"))).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        var oneUnknown = post("archives1", cc, Map.of("userIds", List.of("pension1", "no-such-user", "medical1")));
        assertThat(oneUnknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(messageOf(oneUnknown)).startsWith("userIds").contains("no-such-user");
        assertThat(http.withBasicAuth("pension1", "pension1").getForEntity("/api/cases/" + opened.caseId(), String.class)
                .getStatusCode()).as("nobody copied when one of those named is unknown").isEqualTo(HttpStatus.FORBIDDEN);

        var copied = post("archives1", cc, Map.of("userIds", List.of("pension1")));
        assertThat(copied.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(copied.getBody().get("copiedTo")).isEqualTo(List.of("pension1"));
        assertThat(historyService.createUserOperationLogQuery().taskId(opened.archivesTaskId()).operationType("CarbonCopy")
                .singleResult().getUserId()).isEqualTo("archives1");
        assertThat(taskService.getIdentityLinksForTask(opened.archivesTaskId()))
                .as("no Camunda identity link: it would give TASK_WORK").noneMatch(l -> "pension1".equals(l.getUserId()));

        var mine = http.withBasicAuth("pension1", "pension1").exchange("/api/tasks/copied-to-me", HttpMethod.GET, null, LIST).getBody();
        assertThat(mine).anySatisfy(c -> {
            assertThat(c.get("caseId")).isEqualTo(opened.caseId());
            assertThat(c.get("taskName")).isEqualTo("档案审核与工龄认定");
            assertThat(c.get("copiedBy")).isEqualTo("赵磊（archives1）");
            assertThat(c.get("completed")).isEqualTo(false);
        });
        assertThat(http.withBasicAuth("pension1", "pension1").getForEntity("/api/cases/" + opened.caseId(), String.class)
                .getStatusCode()).as("the copied colleague reads the case").isEqualTo(HttpStatus.OK);
        var actions = http.withBasicAuth("pension1", "pension1").exchange("/api/tasks/" + opened.archivesTaskId() + "/actions",
                HttpMethod.GET, null, JSON).getBody();
        assertThat(actions).containsEntry("copiedToMe", true).containsEntry("mayChase", false)
                .containsEntry("mayReassign", false).containsEntry("mayCopy", false);

        var claim = http.withBasicAuth("pension1", "pension1").exchange("/engine-rest/task/" + opened.archivesTaskId() + "/claim",
                HttpMethod.POST, new HttpEntity<>(Map.of("userId", "pension1")), String.class);
        assertThat(claim.getStatusCode().is4xxClientError()).as("claim: " + claim.getBody()).isTrue();
        var complete = http.withBasicAuth("pension1", "pension1").exchange("/engine-rest/task/" + opened.archivesTaskId() + "/complete",
                HttpMethod.POST, new HttpEntity<>(Map.of("variables", Map.of())), String.class);
        assertThat(complete.getStatusCode().is4xxClientError()).as("complete: " + complete.getBody()).isTrue();
        var task = taskService.createTaskQuery().taskId(opened.archivesTaskId()).singleResult();
        assertThat(task).as("still open").isNotNull();
        assertThat(task.getAssignee()).isNull();

        var timeline = (List<?>) http.withBasicAuth("coord1", "coord1").exchange("/api/cases/" + opened.caseId(),
                HttpMethod.GET, null, JSON).getBody().get("timeline");
        assertThat(timeline.toString()).contains("TASK_COPIED", "抄送「档案审核与工龄认定」给 张伟（pension1）");

        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-09-17T10:00")));
        taskService.claim(opened.archivesTaskId(), "archives1");
        var held = http.withBasicAuth("pension1", "pension1").exchange("/api/tasks/copied-to-me", HttpMethod.GET, null, LIST).getBody();
        assertThat(held).anySatisfy(c -> {
            assertThat(c.get("caseId")).isEqualTo(opened.caseId());
            assertThat(c.get("completed")).isEqualTo(false);
            assertThat(c.get("assignee")).as("who holds the open task now").isEqualTo("赵磊（archives1）");
            assertThat(c.get("completedAt")).isNull();
        });

        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-09-17T11:20")));
        taskService.complete(opened.archivesTaskId(), Map.of("confirmedContributionMonths", 360,
                "averageContributionIndex", 1.2, "personalAccountBalance", 139000.0, "transitionalPension", 300.0));
        var done = http.withBasicAuth("pension1", "pension1").exchange("/api/tasks/copied-to-me", HttpMethod.GET, null, LIST).getBody();
        assertThat(done).anySatisfy(c -> {
            assertThat(c.get("taskId")).isEqualTo(opened.archivesTaskId());
            assertThat(c.get("completed")).isEqualTo(true);
            assertThat(c.get("assignee")).as("who did the finished task").isEqualTo("赵磊（archives1）");
            assertThat(String.valueOf(c.get("completedAt"))).as("when, in the hall's zone").startsWith("2026-09-17T11:20");
        });
    }

    @Test
    void aCompletedTaskIsNeitherChasedNorReassignedNorCopied() {
        var opened = OpenDepartmentTasks.atArchives(intake, json, taskService, "已办结测试", TestCalendars.hall("2026-09-18T09:30"));
        OpenDepartmentTasks.atPension(taskService, opened);
        ClockUtil.reset();
        String task = "/api/tasks/" + opened.archivesTaskId();

        var chase = post("coord1", task + "/chase", Map.of("message", "快"));
        assertThat(chase.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(messageOf(chase)).contains("任务「档案审核与工龄认定」已办结，不能再催办");
        var reassign = post("coord1", task + "/reassign", Map.of("userId", "archives1", "reason", "x"));
        assertThat(reassign.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(messageOf(reassign)).contains("已办结，不能再转办");
        var cc = post("archives1", task + "/cc", Map.of("userIds", List.of("pension1")));
        assertThat(cc.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(messageOf(cc)).contains("已办结，不能再抄送");
        var timeline = (List<?>) http.withBasicAuth("coord1", "coord1").exchange("/api/cases/" + opened.caseId(),
                HttpMethod.GET, null, JSON).getBody().get("timeline");
        assertThat(timeline.toString()).doesNotContain("TASK_CHASED", "TASK_REASSIGNED", "TASK_COPIED");
    }
}
