package cn.yijianshi.closure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.yijianshi.intake.CaseNumbers;
import cn.yijianshi.security.HallUserNames;
import cn.yijianshi.sla.HallCalendar;
import cn.yijianshi.sla.WorkingDayCalendar;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.PersonalData;
import cn.yijianshi.system.RefusedRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 问题清单与销号: raises problems with a deadline in working days for their category, moves them only
 * along the allowed transitions, and keeps every change in the history. A refused change changes nothing.
 */
@Service
public class IssueLedger {

    public static final int PAGE_SIZE = 50;

    private final IssueMapper issues;
    private final CaseNumbers numbers;
    private final HallCalendar calendar;
    private final HallClock clock;
    private final ApplicationEventPublisher events;
    private final IssuePolicy policy;
    private final EvidenceMapper evidence;
    private final cn.yijianshi.catalog.Departments departments;
    private final org.springframework.beans.factory.ObjectProvider<org.camunda.bpm.engine.ProcessEngine> engine;

    public IssueLedger(IssueMapper issues, CaseNumbers numbers, HallCalendar calendar, HallClock clock,
                       ApplicationEventPublisher events, IssuePolicy policy, EvidenceMapper evidence,
                       cn.yijianshi.catalog.Departments departments,
                       org.springframework.beans.factory.ObjectProvider<org.camunda.bpm.engine.ProcessEngine> engine) {
        this.departments = departments;
        this.engine = engine;
        this.issues = issues;
        this.numbers = numbers;
        this.calendar = calendar;
        this.clock = clock;
        this.events = events;
        this.policy = policy;
        this.evidence = evidence;
    }

    /** Raises a problem; the hard-case process takes it up unless it was raised from within one. */
    @Transactional
    public Issue raise(NewIssue request, String raisedBy, boolean fromRunningProcess) {
        Issue issue = new Issue();
        issue.setIssueId(numbers.next("WT", clock.today()));
        issue.setSource(request.source());
        issue.setCaseId(request.caseId() == null || request.caseId().isBlank() ? null : request.caseId());
        issue.setCategory(request.category());
        issue.setDescription(request.description().trim());
        issue.setRaisedBy(raisedBy);
        issue.setRaisedAt(clock.now());
        issue.setResponsibleDept(request.responsibleDept());
        issue.setDeadline(deadlineFor(request.category(), clock.now(), calendar.current()));
        issue.setStatus(IssueStatus.OPEN);
        issues.insert(issue);
        issues.history(issue.getIssueId(), clock.now(), raisedBy, "RAISED", null, IssueStatus.OPEN,
                request.source().displayName() + "：" + PersonalData.maskInText(issue.getDescription()));
        events.publishEvent(new IssueRaised(issue, !fromRunningProcess));
        return issue;
    }

    /**
     * An issue's deadline: its category's working days counted from the day the hall counts it as received (a
     * problem raised on a rest day or after closing is received at the next opening), that day not counted.
     */
    LocalDate deadlineFor(IssueCategory category, Instant raisedAt, WorkingDayCalendar days) {
        return days.addWorkingDays(days.receivedOn(raisedAt), policy.workingDays(category));
    }

    public Issue require(String issueId) {
        Issue issue = issues.find(issueId);
        if (issue == null) {
            throw RefusedRequest.notFound("issueId", "没有这个问题：" + issueId, "no such issue: " + issueId);
        }
        return issue;
    }

    @Transactional
    public Issue change(String issueId, IssueChange change, String actor) {
        Issue issue = require(issueId);
        IssueStatus from = issue.getStatus();
        IssueStatus to = change.status();
        CallBack callBack = null;
        if (!from.canMoveTo(to)) {
            throw RefusedRequest.conflict("status", "问题「" + from.displayName() + "」不能变为「" + to.displayName() + "」"
                    + (from.next().isEmpty() ? "（已结束）" : "；可变为：" + names(from.next())),
                    "an issue that is " + from + " cannot become " + to + "; allowed: " + from.next());
        }
        switch (to) {
            case RESOLVED -> issue.setResolution(required("resolution", change.resolution(), "答复群众必须填写处理结果", "a resolution is required"));
            case CLOSED -> {
                if (issue.getResolution() == null && change.resolution() == null) {
                    throw RefusedRequest.conflict("resolution", "销号前必须有处理结果", "closing needs a resolution");
                }
                callBack = callBackOf(change, actor, true);
                requireEvidence(issue);
                issue.setCallbackResult(callBack.answer());
                issue.setClosedBy(actor);
                issue.setClosedAt(clock.now());
            }
            case REOPENED -> {
                issue.setReopenCount(issue.getReopenCount() + 1);
                callBack = change.callback() != null || change.callbackResult() != null ? callBackOf(change, actor, false) : null;
            }
            case REFERRED -> issue.setReferredTo(required("referredTo", change.referredTo(), "转介必须写明转往何处", "say where it is referred to"));
            default -> { }
        }
        if (change.resolution() != null && to != IssueStatus.RESOLVED) {
            issue.setResolution(change.resolution());
        }
        if (change.evidence() != null) {
            issue.setEvidence(change.evidence());
        }
        if (callBack != null) {
            issue.setCallbackResult(callBack.answer());
        } else if (change.callbackResult() != null) {
            issue.setCallbackResult(change.callbackResult());
        }
        if (change.responsiblePerson() != null) {
            issue.setResponsiblePerson(change.responsiblePerson());
        }
        issue.setStatus(to);
        if (issues.update(issue, from) == 0) {
            throw RefusedRequest.conflict("status", "问题刚被他人更新，请刷新后重试", "the issue was changed meanwhile; reload and retry");
        }
        if (callBack != null) {
            evidence.insertCallBack(issueId, callBack.calledBy(), callBack.calledAt().atZone(clock.zone()).toInstant(),
                    callBack.answer(), to == IssueStatus.CLOSED, actor, clock.now());
        }
        issues.history(issueId, clock.now(), actor, "STATUS", from, to, PersonalData.maskInText(noteOf(change, callBack)));
        return issue;
    }

    /**
     * The call-back this change records: as given, or (only {@code callbackResult}) made by the one changing the
     * issue, now. Who, when and the answer are required; a call said to be made in the future is refused.
     */
    /** Refuses a call-back record without who, when and the answer, or said to be made in the future (400 naming the field). */
    public CallBack checked(CallBack callBack) {
        return callBackOf(new IssueChange(IssueStatus.CLOSED, null, null, null, null, null, null, callBack), null, true);
    }

    private CallBack callBackOf(IssueChange change, String actor, boolean closing) {
        CallBack given = change.callback();
        if (given == null) {
            String answer = required("callbackResult", change.callbackResult(), closing ? "销号必须填写回访结果" : "必须填写回访结果",
                    "the call-back result is required");
            return new CallBack(actor, clock.now().atZone(clock.zone()).toLocalDateTime().withNano(0), answer);
        }
        String calledBy = required("callback.calledBy", given.calledBy(), "必须填写回访人", "who called is required");
        if (given.calledAt() == null) {
            throw RefusedRequest.badInput("callback.calledAt", "必须填写回访时间", "when the call was made is required");
        }
        if (given.calledAt().atZone(clock.zone()).toInstant().isAfter(clock.now().plusSeconds(60))) {
            throw RefusedRequest.badInput("callback.calledAt", "回访时间不能晚于现在", "the call cannot be in the future");
        }
        String answer = required("callback.answer", given.answer(), "必须填写群众答复", "the citizen's answer is required");
        return new CallBack(calledBy, given.calledAt(), answer);
    }

    /** 销号 where the category's policy asks for evidence: at least one attachment besides the resolution and the call-back. */
    private void requireEvidence(Issue issue) {
        if (policy.requiresEvidence(issue.getCategory()) && evidence.countAttachments(issue.getIssueId()) == 0) {
            throw RefusedRequest.conflict("attachments", issue.getCategory().displayName()
                            + "类问题销号须有佐证材料：请先上传至少一份附件（告知书扫描件、照片或PDF），再登记回访并销号",
                    "closing a " + issue.getCategory() + " issue needs evidence: attach at least one file (scan, photo or PDF) first");
        }
    }

    public IssuePolicy policy() {
        return policy;
    }

    /** An attachment as kept. */
    public record Download(String fileName, String mediaType, byte[] content) {
    }

    public Download download(String issueId, long attachmentId) {
        EvidenceMapper.AttachmentRow row = evidence.attachment(issueId, attachmentId);
        if (row == null) {
            throw RefusedRequest.notFound("attachmentId", "此问题没有这个附件：" + attachmentId, "no such attachment: " + attachmentId);
        }
        return new Download(row.fileName(), row.mediaType(), evidence.content(issueId, attachmentId).bytes());
    }

    /** Whether 销号 of this issue needs an attachment (the category's policy). */
    public boolean requiresEvidence(Issue issue) {
        return policy.requiresEvidence(issue.getCategory());
    }

    /** Refuses 销号 now, changing nothing, when the issue lacks what its category's policy asks for. */
    public void checkClosable(Issue issue) {
        if (!issue.getStatus().canMoveTo(IssueStatus.CLOSED)) {
            throw RefusedRequest.conflict("status", "问题「" + issue.getStatus().displayName() + "」不能销号：须先答复群众",
                    "an issue that is " + issue.getStatus() + " cannot be closed: the citizen must have been answered");
        }
        requireEvidence(issue);
    }

    /** Keeps an evidence file with the issue (already accepted by the upload policy). */
    @Transactional
    public long attach(String issueId, String fileName, String mediaType, byte[] content, String actor) {
        Issue issue = require(issueId);
        if (issue.getStatus() == IssueStatus.CLOSED) {
            throw RefusedRequest.conflict("status", "问题已销号，不能再上传佐证材料", "the issue is closed: no more evidence");
        }
        EvidenceMapper.NewAttachment kept = new EvidenceMapper.NewAttachment(issueId, fileName, mediaType, content, actor, clock.now());
        evidence.insertAttachment(kept);
        long id = kept.id;
        issues.history(issueId, clock.now(), actor, "ATTACHED", issue.getStatus(), issue.getStatus(),
                "上传佐证材料：" + fileName);
        return id;
    }

    /**
     * 领导督办 on demand: a coordinator asks the leaders to supervise an open issue, with a reason and a deadline.
     * The hard-case process working the issue takes it up (a non-interrupting event) through {@link SupervisionRequested}.
     */
    @Transactional
    public void superviseByLeaders(String issueId, String reason, LocalDate deadline, String actor) {
        Issue issue = require(issueId);
        if (!issue.getStatus().isOpen()) {
            throw RefusedRequest.conflict("status", "问题「" + issue.getStatus().displayName() + "」已结束，不能提请领导督办",
                    "an issue that is " + issue.getStatus() + " is no longer open for supervision");
        }
        String why = required("reason", reason, "必须写明督办原因", "a reason is required");
        if (why.length() > 1000) {
            throw RefusedRequest.badInput("reason", "督办原因最多1000字", "at most 1000 characters");
        }
        if (deadline == null) {
            throw RefusedRequest.badInput("deadline", "必须填写督办时限（YYYY-MM-DD）", "a deadline YYYY-MM-DD is required");
        }
        if (deadline.isBefore(clock.today())) {
            throw RefusedRequest.badInput("deadline", "督办时限不能早于今天", "the deadline cannot be before today");
        }
        String masked = PersonalData.maskInText(why);
        evidence.insertSupervision(issueId, masked, deadline, actor, clock.now());
        issues.history(issueId, clock.now(), actor, "SUPERVISION", issue.getStatus(), issue.getStatus(),
                "提请领导督办：" + masked + "；督办时限 " + deadline);
        events.publishEvent(new SupervisionRequested(issue, masked, deadline));
    }

    /** The leader's 批示 on the earliest supervision request still without one; it enters the history. */
    @Transactional
    public void instructed(String issueId, String instructions, String leader) {
        Issue issue = require(issueId);
        String text = PersonalData.maskInText(required("instructions", instructions, "必须填写批示内容", "the instructions are required"));
        if (text.length() > 2000) {
            throw RefusedRequest.badInput("instructions", "批示最多2000字", "at most 2000 characters");
        }
        if (evidence.instruct(issueId, text, leader, clock.now()) == 0) {
            throw RefusedRequest.conflict("instructions", "此问题没有待批示的领导督办", "no supervision request is waiting for instructions");
        }
        issues.history(issueId, clock.now(), leader, "INSTRUCTED", issue.getStatus(), issue.getStatus(), "领导批示：" + text);
    }

    /** Records who holds the issue now (claim, delegation, reassignment in Tasklist). */
    @Transactional
    public void heldBy(String issueId, String person, String actor) {
        Issue issue = require(issueId);
        issue.setResponsiblePerson(person);
        issues.update(issue, issue.getStatus());
        issues.history(issueId, clock.now(), actor == null ? person : actor, "HELD_BY", issue.getStatus(), issue.getStatus(),
                "经办人：" + person);
    }

    /** Records something done on the issue that does not change its status (a department's opinion). */
    @Transactional
    public void record(String issueId, String actor, String action, String note) {
        Issue issue = require(issueId);
        issues.history(issueId, clock.now(), actor, action, issue.getStatus(), issue.getStatus(), PersonalData.maskInText(note));
    }

    public void attachProcess(String issueId, String processInstanceId) {
        issues.attachProcess(issueId, processInstanceId);
    }

    public IssueView view(String issueId) {
        Issue issue = require(issueId);
        var historyRows = issues.historyOf(issueId);
        var attachmentRows = evidence.attachments(issueId);
        var callBackRows = evidence.callBacks(issueId);
        var supervisionRows = evidence.supervisions(issueId);
        // everyone the issue names, read together (not one read per line)
        List<String> people = new ArrayList<>();
        historyRows.forEach(h -> people.add(h.actor()));
        attachmentRows.forEach(a -> people.add(a.uploadedBy()));
        callBackRows.forEach(c -> people.add(c.recordedBy()));
        supervisionRows.forEach(v -> Collections.addAll(people, v.requestedBy(), v.instructedBy()));
        Function<String, String> names = userNames(people);
        List<IssueView.Change> history = historyRows.stream()
                .map(h -> new IssueView.Change(clock.inHallZone(h.occurredAt()), h.actor(), names.apply(h.actor()), h.action(),
                        actionName(h.action()), h.fromStatus(), h.toStatus(), h.note()))
                .toList();
        List<IssueView.Attachment> attachments = attachmentRows.stream()
                .map(a -> new IssueView.Attachment(a.id(), a.fileName(), a.mediaType(), a.sizeBytes(), names.apply(a.uploadedBy()),
                        clock.inHallZone(a.uploadedAt()), "/api/issues/" + issueId + "/attachments/" + a.id()))
                .toList();
        List<IssueView.CallBackView> callBacks = callBackRows.stream()
                .map(c -> new IssueView.CallBackView(c.calledBy(), clock.inHallZone(c.calledAt()), PersonalData.maskInText(c.answer()),
                        c.satisfied(), names.apply(c.recordedBy()), clock.inHallZone(c.recordedAt())))
                .toList();
        List<IssueView.Supervision> supervisions = supervisionRows.stream()
                .map(v -> new IssueView.Supervision(v.reason(), v.deadline(), names.apply(v.requestedBy()),
                        clock.inHallZone(v.requestedAt()), v.instructions(), v.instructedBy() == null ? null : names.apply(v.instructedBy()),
                        clock.inHallZone(v.instructedAt())))
                .toList();
        return view(issue, calendar.current(), issues.referralOf(issueId), history, attachments, callBacks, supervisions);
    }

    /** Users' names as the hall reads them (王建国（expert1）; the system as 系统), read together. */
    private Function<String, String> userNames(List<String> userIds) {
        Map<String, String> names = HallUserNames.of(engine.getObject(),
                userIds.stream().filter(user -> user != null && !"system".equals(user)).toList());
        return user -> user == null ? null : "system".equals(user) ? "系统" : names.getOrDefault(user, user);
    }

    /** What a history line's action is called in the hall. */
    static String actionName(String action) {
        return switch (action) {
            case "RAISED" -> "登记问题";
            case "STATUS" -> "状态变更";
            case "HELD_BY" -> "经办人变更";
            case "CONSULTED" -> "部门会商";
            case "ATTACHED" -> "上传佐证材料";
            case "SUPERVISION" -> "提请领导督办";
            case "INSTRUCTED" -> "领导批示";
            default -> action;
        };
    }

    public record Page(int page, long total, List<IssueView> items) {
    }

    /** One page of the issues the filter picks, nearest deadline first or newest first. */
    public Page search(IssueFilter filter, int page) {
        // one read of the calendar for the page: on a cluster each read asks the database for its version
        WorkingDayCalendar days = calendar.current();
        IssueFilter.Query query = filter.query(clock.today(), clock.zone());
        List<IssueView> items = issues.search(query, page * PAGE_SIZE, PAGE_SIZE).stream()
                .map(issue -> view(issue, days, null, null, null, null, null)).toList();
        return new Page(page, issues.count(query), items);
    }

    private IssueView view(Issue i, WorkingDayCalendar days, String referralId, List<IssueView.Change> history,
                           List<IssueView.Attachment> attachments, List<IssueView.CallBackView> callBacks,
                           List<IssueView.Supervision> supervisions) {
        boolean overdue = i.getStatus().isOpen() && i.getDeadline().isBefore(clock.today());
        return new IssueView(i.getIssueId(), i.getSource(), i.getSource().displayName(), i.getCaseId(), i.getCategory(),
                i.getCategory().displayName(), PersonalData.maskInText(i.getDescription()), i.getRaisedBy(),
                clock.inHallZone(i.getRaisedAt()), i.getResponsibleDept(), departments.groupName(i.getResponsibleDept()),
                i.getResponsiblePerson(), i.getDeadline(), overdue,
                days.provisionalBetween(i.getRaisedAt().atZone(clock.zone()).toLocalDate(), i.getDeadline()),
                i.getStatus(), i.getStatus().displayName(), PersonalData.maskInText(i.getResolution()),
                PersonalData.maskInText(i.getEvidence()), PersonalData.maskInText(i.getCallbackResult()), i.getReferredTo(),
                i.getClosedBy(), clock.inHallZone(i.getClosedAt()), i.getReopenCount(), policy.requiresEvidence(i.getCategory()),
                referralId, history, attachments, callBacks, supervisions, null);
    }

    private static String required(String field, String value, String zh, String en) {
        if (value == null || value.isBlank()) {
            throw RefusedRequest.badInput(field, zh, en);
        }
        return value.trim();
    }

    private String noteOf(IssueChange change, CallBack callBack) {
        String called = callBack == null ? null : "回访：" + callBack.calledBy() + " 于 "
                + callBack.calledAt().toString().replace('T', ' ') + " 回访，群众答复：" + callBack.answer();
        return java.util.stream.Stream.of(change.note(), change.resolution(), callBack == null ? change.callbackResult() : called,
                        change.referredTo())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining("；"));
    }

    private static String names(java.util.Set<IssueStatus> statuses) {
        return statuses.stream().map(IssueStatus::displayName).collect(Collectors.joining("、"));
    }
}
