package cn.yijianshi.intake;

import java.util.List;

import cn.yijianshi.sla.HallCalendar;
import cn.yijianshi.sla.WorkingDayCalendar;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.PersonalData;
import cn.yijianshi.system.RefusedRequest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers "where is my case?": the case row, its open tasks in the engine, its timeline. */
@Service
public class CaseLookup {

    private final CaseMapper cases;
    private final CaseTimeline timeline;
    private final TaskService taskService;
    private final HallClock clock;
    private final HallCalendar calendar;

    public CaseLookup(CaseMapper cases, CaseTimeline timeline, TaskService taskService, HallClock clock,
                      HallCalendar calendar) {
        this.cases = cases;
        this.timeline = timeline;
        this.taskService = taskService;
        this.clock = clock;
        this.calendar = calendar;
    }

    public HallCase require(String caseId) {
        HallCase hallCase = cases.findByCaseId(caseId);
        if (hallCase == null) {
            throw RefusedRequest.notFound("caseId", "没有这个办件：" + caseId, "no such case: " + caseId);
        }
        return hallCase;
    }

    @Transactional(readOnly = true)
    public CaseView view(String caseId) {
        HallCase c = require(caseId);
        WorkingDayCalendar days = calendar.current();
        List<CaseView.OpenStep> steps = taskService.createTaskQuery().processInstanceBusinessKey(caseId)
                .orderByTaskCreateTime().asc().list().stream().map(task -> step(task, days)).toList();
        List<CaseView.Event> events = timeline.of(caseId).stream()
                .map(e -> new CaseView.Event(clock.inHallZone(e.occurredAt()), e.actor(), e.event(), e.description()))
                .toList();
        return new CaseView(c.getCaseId(), c.getMatter(), cn.yijianshi.catalog.MatterNames.of(c.getMatter()), c.getStatus(),
                c.getStatus().displayName(),
                new CaseView.Applicant(c.getApplicantName(), c.getApplicantKind(), "ORGANIZATION".equals(c.getApplicantKind())
                        ? c.getApplicantIdNumber() : PersonalData.maskIdNumber(c.getApplicantIdNumber()),
                        c.getApplicantGender(), PersonalData.maskPhone(c.getApplicantPhone())),
                c.getChannel(), c.getChannel().displayName(), c.getServicePointCode(), c.getServicePointName(),
                c.getPriority(), c.getAcceptedBy(), clock.inHallZone(c.getAcceptedAt()), clock.inHallZone(c.getClosedAt()),
                c.getOutcomeReason(), c.getProcessInstanceId(), cases.materialCodes(caseId), steps, events,
                c.getRatingScore() == null ? null
                        : new CaseView.Rating(c.getRatingScore(), c.getRatingComment(), clock.inHallZone(c.getRatedAt())),
                c.getPriority().displayName(), c.getPriorityReason());
    }

    private CaseView.OpenStep step(Task task, WorkingDayCalendar days) {
        List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        return new CaseView.OpenStep(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(), groups,
                clock.inHallZone(task.getCreateTime()), clock.inHallZone(task.getDueDate()),
                clock.inHallZone(task.getFollowUpDate()), task.getPriority(), task.getDueDate() != null
                        && days.provisionalBetween(task.getCreateTime().toInstant(), task.getDueDate().toInstant()));
    }
}
