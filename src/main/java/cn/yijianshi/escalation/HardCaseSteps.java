package cn.yijianshi.escalation;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.closure.CallBack;
import cn.yijianshi.closure.Issue;
import cn.yijianshi.closure.IssueCategory;
import cn.yijianshi.closure.IssueChange;
import cn.yijianshi.closure.IssueLedger;
import cn.yijianshi.closure.IssueSource;
import cn.yijianshi.closure.IssueStatus;
import cn.yijianshi.closure.NewIssue;
import cn.yijianshi.security.HallGroup;
import cn.yijianshi.system.PersonalData;
import cn.yijianshi.system.RefusedRequest;
import cn.yijianshi.system.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The steps of the hard-case process that write the issue ledger, each called by name from the BPMN
 * ({@code ${hardCase.register(execution)}} ...). Which step comes next is the BPMN's business.
 */
@Component("hardCase")
public class HardCaseSteps {

    public static final String ARBITRATION_COMMISSION = "劳动人事争议仲裁院";
    /** The departments' opinions of the current 部门会商 round, shown read-only in 确定方案. */
    public static final String DEPARTMENT_OPINIONS = "departmentOpinions";
    /** Who called the citizen and when (hall wall-clock, ISO), when the call-back was confirmed on the 问题清单. */
    public static final String CALLBACK_CALLER = "callbackCaller";
    public static final String CALLBACK_AT = "callbackAt";

    private final IssueLedger ledger;

    private final cn.yijianshi.catalog.Departments departments;

    public HardCaseSteps(IssueLedger ledger, cn.yijianshi.catalog.Departments departments) {
        this.departments = departments;
        this.ledger = ledger;
    }

    /** 登记问题: a hard case sent by another process (疑难 flag, 专家审核) gets its ledger entry here. */
    public void register(DelegateExecution execution) {
        if (execution.getVariable("issueId") != null) {
            return;
        }
        String description = String.valueOf(execution.getVariable("issueDescription"));
        Issue issue = ledger.raise(new NewIssue(
                IssueSource.valueOf(String.valueOf(execution.getVariable("issueSource"))),
                IssueCategory.valueOf(String.valueOf(execution.getVariable("issueCategory"))),
                description == null || description.isBlank() || "null".equals(description) ? "（未说明）" : description,
                execution.getProcessBusinessKey(), HallGroup.EXPERTS.id()), "system", true);
        execution.setVariable("issueId", issue.getIssueId());
        ledger.attachProcess(issue.getIssueId(), execution.getProcessInstanceId());
    }

    /** 专家研判 begins (after the claim, or again after a reopen): the issue is in progress with that expert. */
    public void inProgress(DelegateExecution execution) {
        String issueId = issueId(execution);
        Issue issue = ledger.require(issueId);
        String expert = (String) execution.getVariable("expert");
        if (issue.getStatus() == IssueStatus.OPEN || issue.getStatus() == IssueStatus.REOPENED) {
            ledger.change(issueId, new IssueChange(IssueStatus.IN_PROGRESS, "专家研判", null, null, null, null, expert), expert);
        }
    }

    /** 登记答复: the reply to the citizen (the expert's, or the leader's after 领导督办) is the issue's resolution. */
    public void replied(DelegateExecution execution) {
        String reply = (String) execution.getVariable("replyText");
        ledger.change(issueId(execution), new IssueChange(IssueStatus.RESOLVED, "答复群众", reply, null, null, null, null),
                TaskActor.recorded(execution, "repliedBy", "system"));
    }

    /** 销号: the citizen confirmed at the call-back (the ledger refuses it without the evidence the category asks for). */
    public void closed(DelegateExecution execution) {
        ledger.change(issueId(execution), new IssueChange(IssueStatus.CLOSED, "回访满意，销号", null, null,
                (String) execution.getVariable("callbackResult"), null, null, callBack(execution)),
                TaskActor.recorded(execution, "callbackBy", "system"));
    }

    /** 登记重办: not satisfied; the reopen count decides who takes it next. */
    public void reopened(DelegateExecution execution) {
        Issue issue = ledger.change(issueId(execution), new IssueChange(IssueStatus.REOPENED, "回访不满意",
                null, null, (String) execution.getVariable("callbackResult"), null, null, callBack(execution)),
                TaskActor.recorded(execution, "callbackBy", "system"));
        execution.setVariable("reopenCount", issue.getReopenCount());
    }

    /**
     * The call-back as the 问题清单 recorded it (who called, when); {@code null} when it was confirmed in Tasklist, where
     * the coordinator completing 回访确认 called just now. Taken once: the next round's call-back is its own.
     */
    private static CallBack callBack(DelegateExecution execution) {
        Object caller = execution.getVariable(CALLBACK_CALLER);
        Object at = execution.getVariable(CALLBACK_AT);
        execution.getProcessInstance().removeVariable(CALLBACK_CALLER);
        execution.getProcessInstance().removeVariable(CALLBACK_AT);
        if (caller == null || at == null) {
            return null;
        }
        return new CallBack(caller.toString(), LocalDateTime.parse(at.toString()), (String) execution.getVariable("callbackResult"));
    }

    /** 领导批示 done (the leader's task of 领导督办 on demand): the instructions enter the issue's history. */
    public void instructed(DelegateTask task) {
        String leader = TaskActor.of(task);
        ledger.instructed(issueId(task.getExecution()), String.valueOf(task.getVariable("leaderInstructions")), leader);
        task.getExecution().removeVariable("leaderInstructions");
    }

    /** 登记领导督办: reopened a second time, the issue is in progress again, now under the leaders' supervision. */
    public void underSupervision(DelegateExecution execution) {
        ledger.change(issueId(execution), IssueChange.to(IssueStatus.IN_PROGRESS, "再次回访不满意，领导督办"),
                TaskActor.recorded(execution, "callbackBy", "system"));
    }

    /** A 部门会商 round begins: the opinions of an earlier round are not this round's. */
    public void consultationBegins(DelegateExecution execution) {
        execution.setVariable(DEPARTMENT_OPINIONS, opinions(List.of()));
    }

    /**
     * 部门会商 done: each department's opinion is kept in the list 确定方案 shows and on the issue's history.
     * Parallel consultations would otherwise overwrite one process variable and only the last would survive.
     */
    public void consulted(DelegateTask task) {
        String department = (String) task.getVariable("department");
        String departmentName = departments.groupName(department);
        String opinion = PersonalData.maskInText(String.valueOf(task.getVariable("departmentOpinion")));
        String by = TaskActor.of(task);
        DelegateExecution execution = task.getExecution();
        ledger.record(issueId(execution), by, "CONSULTED", departmentName + "会商意见：" + opinion);

        List<Map<String, String>> opinions = new ArrayList<>();
        Object before = execution.getVariable(DEPARTMENT_OPINIONS);
        if (before instanceof Collection<?> earlier) {
            earlier.forEach(o -> opinions.add(asOpinion(o)));
        }
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("department", department);
        entry.put("departmentName", departmentName);
        entry.put("by", by);
        entry.put("opinion", opinion);
        opinions.add(entry);
        execution.getProcessInstance().setVariable(DEPARTMENT_OPINIONS, opinions(opinions));
        execution.removeVariable("departmentOpinion");
    }

    /** 转仲裁 or 转介 to another authority: the issue leaves the hall's hands, recorded with where it went. */
    public void referred(DelegateExecution execution, String where) {
        // JUEL passes a null literal as "" to a String parameter: blank means "as the expert entered it".
        String target = where != null && !where.isBlank() ? where : (String) execution.getVariable("referredTo");
        ledger.change(issueId(execution), new IssueChange(IssueStatus.REFERRED, "专家研判：转介", null, null, null,
                target == null || target.isBlank() ? null : target, null), (String) execution.getVariable("expert"));
    }

    /** The departments an expert chose for 部门会商, as a list the multi-instance runs over. */
    public List<String> consultDepartments(DelegateExecution execution) {
        Object chosen = execution.getVariable("consultDepartments");
        List<String> departments = new ArrayList<>();
        if (chosen instanceof SpinJsonNode json && json.isArray()) {
            json.elements().forEach(node -> departments.add(node.stringValue()));
        } else if (chosen instanceof Collection<?> collection) {
            collection.forEach(d -> departments.add(String.valueOf(d)));
        } else if (chosen instanceof String text && !text.isBlank()) {
            for (String d : text.split(",")) {
                departments.add(d.trim());
            }
        }
        if (departments.isEmpty()) {
            throw RefusedRequest.badInput("consultDepartments", "会商须至少选择一个部门", "choose at least one department");
        }
        return departments;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> asOpinion(Object stored) {
        Map<String, String> opinion = new LinkedHashMap<>();
        ((Map<String, Object>) stored).forEach((k, v) -> opinion.put(k, v == null ? null : v.toString()));
        return opinion;
    }

    /** As JSON, so Tasklist's Camunda Forms read it as a list (the table in 确定方案) and no length limit applies. */
    private static ObjectValue opinions(List<Map<String, String>> opinions) {
        return Variables.objectValue(opinions).serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
    }

    private static String issueId(DelegateExecution execution) {
        return (String) execution.getVariable("issueId");
    }
}
