package cn.yijianshi.oversight;

import java.util.List;

import cn.yijianshi.system.RefusedRequest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Finds the open task an action is about: 404 when there is none, 409 in Chinese when it is already completed. */
@Component
public class OpenTasks {

    private final TaskService taskService;
    private final HistoryService historyService;
    private final RuntimeService runtimeService;

    public OpenTasks(TaskService taskService, HistoryService historyService, RuntimeService runtimeService) {
        this.taskService = taskService;
        this.historyService = historyService;
        this.runtimeService = runtimeService;
    }

    public OpenTask require(String taskId, TaskAction action) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
            if (done != null) {
                throw RefusedRequest.conflict("taskId", "任务「" + done.getName() + "」已办结，不能再" + action.displayName(),
                        "the task is already completed: it cannot be " + action.name().toLowerCase() + "ed");
            }
            throw RefusedRequest.notFound("taskId", "没有这个任务：" + taskId, "no such task: " + taskId);
        }
        List<IdentityLink> links = taskService.getIdentityLinksForTask(taskId);
        List<String> groups = links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        List<String> users = links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null)
                .map(IdentityLink::getUserId).toList();
        String caseId = null;
        if (task.getProcessInstanceId() != null) {
            ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                    .processInstanceId(task.getProcessInstanceId()).singleResult();
            caseId = instance == null ? null : instance.getBusinessKey();
        }
        return new OpenTask(task.getId(), task.getProcessInstanceId(), caseId, task.getName(), groups, users, task.getAssignee());
    }
}
