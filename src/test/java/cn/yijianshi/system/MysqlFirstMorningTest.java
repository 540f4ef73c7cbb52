package cn.yijianshi.system;

import static cn.yijianshi.HeldTasks.engineRest;
import static cn.yijianshi.HeldTasks.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.IntStream;

import cn.yijianshi.FirstMorning;
import cn.yijianshi.HeldTasks;
import cn.yijianshi.intake.ResidentIdNumber;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hall's first morning on MariaDB: twenty windows open at 9:00 and all get consecutive case numbers (the
 * day's counter once deadlocked nine intakes in ten); a task pension1 claimed is neither claimed nor completed by
 * pension2 over /engine-rest or Tasklist's /camunda/api/engine. The engine keeps its default name, as in
 * production: both engine APIs find it by that name (MySQL-profile tests have a JVM of their own, and each
 * context is closed after its class).
 */
@MysqlHallTest
@ExtendWith(OutputCaptureExtension.class)
class MysqlFirstMorningTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void twentyWindowsOpeningAtNineAllGetConsecutiveCaseNumbers(CapturedOutput log) throws Exception {
        LocalDate day = FirstMorning.aFreshDay(jdbc, LocalDate.parse("2026-03-02"));
        ClockUtil.setCurrentTime(FirstMorning.nineOClock(day));

        var answers = FirstMorning.windowsOpenAtOnce(http, 20);

        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode()).as("%s", a.getBody()).isEqualTo(HttpStatus.CREATED));
        String prefix = "TX-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-";
        assertThat(answers.stream().map(a -> (String) a.getBody().get("caseId")).sorted().toList())
                .isEqualTo(IntStream.rangeClosed(1, 20).mapToObj(n -> prefix + String.format("%06d", n)).toList());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hall_case WHERE case_id LIKE ?", Integer.class, prefix + "%"))
                .isEqualTo(20);
        // Not one of them lost a lock race and had to be run again (the old counter deadlocked 15 in 20 here).
        assertThat(log.getAll()).doesNotContain("lock conflict on attempt");
    }

    @Test
    void aTaskPension1ClaimedIsNeitherClaimedNorCompletedByPension2OverEitherEngineApi() {
        ClockUtil.setCurrentTime(FirstMorning.nineOClock(LocalDate.parse("2026-03-03")));
        String task = HeldTasks.pensionAssessmentClaimedBy(http, "pension1", "钱七",
                ResidentIdNumber.withCheckCharacter("11010119600307177"));
        Map<String, Object> assessed = Map.of("variables", variables(Map.of("approvedMonthlyPension", 3500.0)));

        var completeOverRest = engineRest(http, "pension2", "/task/" + task + "/complete", assessed);
        assertThat(completeOverRest.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(completeOverRest.getBody()).containsEntry("type", "NotTheAssignee");
        assertThat((String) completeOverRest.getBody().get("messageZh")).contains("张伟（pension1）").contains("只有办理人本人可以完成");

        var claimOverRest = engineRest(http, "pension2", "/task/" + task + "/claim", Map.of("userId", "pension2"));
        assertThat(claimOverRest.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(claimOverRest.getBody()).containsEntry("type", "TaskAlreadyClaimedException");
        assertThat((String) claimOverRest.getBody().get("messageZh")).contains("已由张伟（pension1）认领");

        var tasklist = new HeldTasks.TasklistSession(http, "pension2");
        var completeInTasklist = tasklist.post("/task/" + task + "/submit-form", assessed);
        assertThat(completeInTasklist.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) completeInTasklist.getBody().get("messageZh")).contains("张伟（pension1）");
        var claimInTasklist = tasklist.post("/task/" + task + "/claim", Map.of("userId", "pension2"));
        assertThat(claimInTasklist.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) claimInTasklist.getBody().get("messageZh")).contains("已由张伟（pension1）认领");

        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("pension1");
        var byTheAssignee = new HeldTasks.TasklistSession(http, "pension1").post("/task/" + task + "/submit-form", assessed);
        assertThat(byTheAssignee.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }
}
