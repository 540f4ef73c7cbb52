package cn.yijianshi.oversight;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import cn.yijianshi.TestCitizens;
import cn.yijianshi.intake.CaseIntake;
import cn.yijianshi.intake.CaseIntakeRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/** A retirement case accepted at a given hall time and taken by the window to its departments' steps. */
final class OpenDepartmentTasks {

    record Opened(String caseId, String archivesTaskId) {
    }

    private OpenDepartmentTasks() {
    }

    /** The case's 档案审核与工龄认定 (dept-archives) is open, unclaimed; the engine clock is left at {@code at}. */
    static Opened atArchives(CaseIntake intake, ObjectMapper json, TaskService taskService, String name, Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
        String caseId = intake.accept(json.convertValue(TestCitizens.retirementIntake(name, TestCitizens.RETIRING_MAN),
                CaseIntakeRequest.class), null, "window1").caseId();
        Task review = task(taskService, caseId, "Task_ReviewMaterials");
        taskService.claim(review.getId(), "window1");
        taskService.complete(review.getId(), Map.of("materialsDecision", "COMPLETE", "originalAge", "60",
                "contributionMonths", 360, "hasFundAccount", true));
        return new Opened(caseId, task(taskService, caseId, "Task_ArchivesReview").getId());
    }

    /** The archives step done: 养老金核定 (dept-pension) is open. */
    static String atPension(TaskService taskService, Opened opened) {
        taskService.claim(opened.archivesTaskId(), "archives1");
        taskService.complete(opened.archivesTaskId(), Map.of("confirmedContributionMonths", 360,
                "averageContributionIndex", 1.2, "personalAccountBalance", 139000.0, "transitionalPension", 300.0));
        return task(taskService, opened.caseId(), "Task_AssessPension").getId();
    }

    static Task task(TaskService taskService, String caseId, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(key).singleResult();
    }
}
