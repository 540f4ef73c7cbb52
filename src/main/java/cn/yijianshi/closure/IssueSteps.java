package cn.yijianshi.closure;

import java.util.List;

import cn.yijianshi.system.HallClock;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The steps open on an issue in the process working it (疑难件专家帮办), each with where it opens in Tasklist. */
@Component
public class IssueSteps {

    private final TaskService tasks;
    private final HallClock clock;
    private final cn.yijianshi.catalog.Departments departments;

    public IssueSteps(TaskService tasks, HallClock clock, cn.yijianshi.catalog.Departments departments) {
        this.tasks = tasks;
        this.clock = clock;
        this.departments = departments;
    }

    public List<IssueView.Step> openOn(Issue issue) {
        if (issue.getProcessInstanceId() == null) {
            return List.of();
        }
        return tasks.createTaskQuery().processInstanceId(issue.getProcessInstanceId()).orderByTaskCreateTime().asc().list().stream()
                .map(this::step).toList();
    }

    private IssueView.Step step(Task task) {
        String group = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> departments.groupName(link.getGroupId())).findFirst().orElse(null);
        return new IssueView.Step(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(), group,
                clock.inHallZone(task.getDueDate()), "/camunda/app/tasklist/default/#/?task=" + task.getId());
    }
}
