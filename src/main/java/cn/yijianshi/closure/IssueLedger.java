package cn.yijianshi.closure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import cn.yijianshi.intake.CaseNumbers;
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
    private final Map<IssueCategory, Integer> deadlineDays;

    public IssueLedger(IssueMapper issues, CaseNumbers numbers, HallCalendar calendar, HallClock clock,
                       ApplicationEventPublisher events, ObjectMapper json) throws java.io.IOException {
        this.issues = issues;
        this.numbers = numbers;
        this.calendar = calendar;
        this.clock = clock;
        this.events = events;
        record Deadlines(String source, String effectiveDate, Map<IssueCategory, Integer> workingDaysByCategory) {
        }
        try (var in = IssueLedger.class.getResourceAsStream("/policy/issue-deadlines.json")) {
            this.deadlineDays = json.readValue(in, Deadlines.class).workingDaysByCategory();
        }
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
        return days.addWorkingDays(days.receivedOn(raisedAt), deadlineDays.getOrDefault(category, 10));
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
                issue.setCallbackResult(required("callbackResult", change.callbackResult(), "销号必须填写回访结果", "closing needs the call-back result"));
                issue.setClosedBy(actor);
                issue.setClosedAt(clock.now());
            }
            case REOPENED -> issue.setReopenCount(issue.getReopenCount() + 1);
            case REFERRED -> issue.setReferredTo(required("referredTo", change.referredTo(), "转介必须写明转往何处", "say where it is referred to"));
            default -> { }
        }
        if (change.resolution() != null && to != IssueStatus.RESOLVED) {
            issue.setResolution(change.resolution());
        }
        if (change.evidence() != null) {
            issue.setEvidence(change.evidence());
        }
        if (change.callbackResult() != null && to != IssueStatus.CLOSED) {
            issue.setCallbackResult(change.callbackResult());
        }
        if (change.responsiblePerson() != null) {
            issue.setResponsiblePerson(change.responsiblePerson());
        }
        issue.setStatus(to);
        if (issues.update(issue, from) == 0) {
            throw RefusedRequest.conflict("status", "问题刚被他人更新，请刷新后重试", "the issue was changed meanwhile; reload and retry");
        }
        issues.history(issueId, clock.now(), actor, "STATUS", from, to, PersonalData.maskInText(noteOf(change)));
        return issue;
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
        List<IssueView.Change> history = issues.historyOf(issueId).stream()
                .map(h -> new IssueView.Change(clock.inHallZone(h.occurredAt()), h.actor(), h.action(), h.fromStatus(),
                        h.toStatus(), h.note()))
                .toList();
        return view(issue, history, calendar.current());
    }

    public record Page(int page, long total, List<IssueView> items) {
    }

    public Page search(IssueStatus status, String dept, boolean overdue, int page) {
        LocalDate overdueOn = overdue ? clock.today() : null;
        // one read of the calendar for the page: on a cluster each read asks the database for its version
        WorkingDayCalendar days = calendar.current();
        List<IssueView> items = issues.search(status, dept, overdueOn, page * PAGE_SIZE, PAGE_SIZE).stream()
                .map(issue -> view(issue, null, days)).toList();
        return new Page(page, issues.count(status, dept, overdueOn), items);
    }

    private IssueView view(Issue i, List<IssueView.Change> history, WorkingDayCalendar days) {
        boolean overdue = i.getStatus().isOpen() && i.getDeadline().isBefore(clock.today());
        return new IssueView(i.getIssueId(), i.getSource(), i.getSource().displayName(), i.getCaseId(), i.getCategory(),
                i.getCategory().displayName(), PersonalData.maskInText(i.getDescription()), i.getRaisedBy(),
                clock.inHallZone(i.getRaisedAt()), i.getResponsibleDept(), i.getResponsiblePerson(), i.getDeadline(), overdue,
                days.provisionalBetween(i.getRaisedAt().atZone(clock.zone()).toLocalDate(), i.getDeadline()),
                i.getStatus(), i.getStatus().displayName(), PersonalData.maskInText(i.getResolution()),
                PersonalData.maskInText(i.getEvidence()), PersonalData.maskInText(i.getCallbackResult()), i.getReferredTo(),
                i.getClosedBy(), clock.inHallZone(i.getClosedAt()), i.getReopenCount(), history);
    }

    private static String required(String field, String value, String zh, String en) {
        if (value == null || value.isBlank()) {
            throw RefusedRequest.badInput(field, zh, en);
        }
        return value.trim();
    }

    private static String noteOf(IssueChange change) {
        return java.util.stream.Stream.of(change.note(), change.resolution(), change.callbackResult(), change.referredTo())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining("；"));
    }

    private static String names(java.util.Set<IssueStatus> statuses) {
        return statuses.stream().map(IssueStatus::displayName).collect(Collectors.joining("、"));
    }
}
