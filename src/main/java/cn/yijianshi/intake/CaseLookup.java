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
    private final cn.yijianshi.catalog.MatterCatalog matters;
    private final cn.yijianshi.notify.OutboxMapper outbox;
    private final org.camunda.bpm.engine.HistoryService history;
    private final org.camunda.bpm.engine.ManagementService management;
    private final cn.yijianshi.sla.CaseSla caseSla;
    private final cn.yijianshi.catalog.Departments departments;

    public CaseLookup(CaseMapper cases, CaseTimeline timeline, TaskService taskService, HallClock clock,
                      HallCalendar calendar, cn.yijianshi.catalog.MatterCatalog matters, cn.yijianshi.notify.OutboxMapper outbox,
                      org.camunda.bpm.engine.HistoryService history, org.camunda.bpm.engine.ManagementService management,
                      cn.yijianshi.sla.CaseSla caseSla, cn.yijianshi.catalog.Departments departments) {
        this.departments = departments;
        this.caseSla = caseSla;
        this.matters = matters;
        this.outbox = outbox;
        this.history = history;
        this.management = management;
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
                c.getPriority().displayName(), c.getPriorityReason(), materials(c, cases.materialCodes(caseId)),
                materials(c, missingCodes(c)), variable(c, "materialsNote"), supplementDue(c), notices(caseId),
                caseSla.due(caseId).map(clock::inHallZone).orElse(null),
                cases.steps(caseId).stream().map(s -> new CaseView.Step(s.taskName(), s.candidateGroup(),
                        groupName(s.candidateGroup()), s.assignee(), clock.inHallZone(s.startedAt()),
                        clock.inHallZone(s.dueAt()), clock.inHallZone(s.completedAt()), s.state())).toList(),
                c.getProxyName() == null ? null : new CaseView.Proxy(c.getProxyName(),
                        PersonalData.maskIdNumber(c.getProxyIdNumber()), c.getProxyRelation(),
                        Boolean.TRUE.equals(c.getProxyAuthorization())));
    }

    private String groupName(String group) {
        return group == null ? null : cn.yijianshi.security.HallGroup.byId(group)
                .map(cn.yijianshi.security.HallGroup::displayName).orElseGet(() -> departments.groupName(group));
    }

    private List<CaseView.Material> materials(HallCase c, List<String> codes) {
        var matter = c.getProcessInstanceId() == null ? java.util.Optional.<cn.yijianshi.catalog.Matter>empty()
                : history.createHistoricProcessInstanceQuery().processInstanceId(c.getProcessInstanceId()).list().stream()
                        .findFirst().flatMap(p -> matters.byProcessDefinition(p.getProcessDefinitionId()));
        var named = matter.or(() -> matters.find(c.getMatter()));
        return codes.stream().map(code -> new CaseView.Material(code, named.map(m -> m.materialName(code)).orElse(code),
                named.flatMap(m -> m.materialSource(code)).orElse(null))).toList();
    }

    /** What the last comparison found missing (the one-time notice lists it), none once the case has moved on. */
    private List<String> missingCodes(HallCase c) {
        String codes = variable(c, "missingMaterialCodes");
        return c.getStatus() != CaseStatus.WAITING_FOR_MATERIALS || codes == null || codes.isBlank() ? List.of()
                : java.util.Arrays.stream(codes.split(",")).map(String::trim).filter(code -> !code.isEmpty()).toList();
    }

    private String variable(HallCase c, String name) {
        if (c.getProcessInstanceId() == null) {
            return null;
        }
        return history.createHistoricVariableInstanceQuery().processInstanceId(c.getProcessInstanceId())
                .variableName(name).list().stream().map(v -> v.getValue()).filter(java.util.Objects::nonNull)
                .map(Object::toString).findFirst().orElse(null);
    }

    /** The 补正 deadline: the waiting case's timer (its supplementWait from the one-time notice). */
    private java.time.OffsetDateTime supplementDue(HallCase c) {
        if (c.getStatus() != CaseStatus.WAITING_FOR_MATERIALS || c.getProcessInstanceId() == null) {
            return null;
        }
        return management.createJobQuery().processInstanceId(c.getProcessInstanceId()).timers().list().stream()
                .map(org.camunda.bpm.engine.runtime.Job::getDuedate).filter(java.util.Objects::nonNull)
                .max(java.util.Comparator.naturalOrder()).map(clock::inHallZone).orElse(null);
    }

    private List<CaseView.Notice> notices(String caseId) {
        return outbox.forCase(caseId).stream().map(m -> new CaseView.Notice(m.kind(), clock.inHallZone(m.createdAt()),
                PersonalData.maskPhone(m.recipient()), m.message(), m.status())).toList();
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
