package cn.yijianshi.arbitration;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import cn.yijianshi.notify.Outbox;
import cn.yijianshi.sla.HallCalendar;
import cn.yijianshi.sla.SlaMonitor;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.PersonalData;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;

/**
 * 仲裁转介台账, the liaison's desk: the referrals by state and nearest statutory deadline (red within
 * {@value #DUE_SOON_WORKING_DAYS} working days on the hall's calendar), and one referral with its events, the events
 * the rules allow next ({@link ArbitrationEvent#allowedIn}), the liaison's open tasks (核实受理情况, 核实裁决情况,
 * 告知结果 ...) and the notices the citizen was sent.
 */
@Service
public class ReferralDesk {

    static final int DUE_SOON_WORKING_DAYS = 2;
    static final int LISTED = 500;

    private final ReferralMapper referrals;
    private final Referrals views;
    private final HallCalendar calendar;
    private final HallClock clock;
    private final TaskService taskService;
    private final Outbox outbox;

    public ReferralDesk(ReferralMapper referrals, Referrals views, HallCalendar calendar, HallClock clock,
                        TaskService taskService, Outbox outbox) {
        this.referrals = referrals;
        this.views = views;
        this.calendar = calendar;
        this.clock = clock;
        this.taskService = taskService;
        this.outbox = outbox;
    }

    /** One line of the list; {@code dueSoon}: the deadline is at most two working days away, or passed. */
    public record Line(String referralId, ReferralStatus status, String statusName, String applicantName, String employerName,
                       String claims, LocalDate submittedDate, LocalDate acceptedDate, Referrals.Deadline deadline,
                       Long workingDaysLeft, boolean dueSoon) {
    }

    public List<Line> list(ReferralStatus status) {
        LocalDate today = clock.today();
        var days = calendar.current();
        return referrals.list(status, LISTED).stream().map(r -> {
            Referrals.Deadline deadline = views.deadlineOf(r);
            Long left = deadline == null ? null
                    : deadline.date().isAfter(today) ? days.workingDaysBetween(today, deadline.date()) : 0L;
            return new Line(r.getReferralId(), r.getStatus(), r.getStatus().displayName(), r.getApplicantName(),
                    r.getEmployerName(), r.getClaims(), r.getSubmittedDate(), r.getAcceptedDate(), deadline, left,
                    left != null && left <= DUE_SOON_WORKING_DAYS);
        }).sorted(Comparator.comparing((Line l) -> l.deadline() == null ? LocalDate.MAX : l.deadline().date())).toList();
    }

    public record Choice(ArbitrationEvent type, String name) {
    }

    public record OpenTask(String taskId, String name, String assignee, OffsetDateTime due, String tasklistLink) {
    }

    public record SentNotice(String kind, OffsetDateTime at, String recipient, String text, String status) {
    }

    /** One referral as the desk shows it; {@code today}: the latest date an event may carry (hall clock). */
    public record Desk(Referrals.View referral, List<Choice> allowedNext, List<OpenTask> tasks, List<SentNotice> notices,
                       LocalDate today, boolean dueSoon, boolean mayRecord) {
    }

    /** {@code mayRecord}: the caller records events (the liaison); coordinators read only and are offered none. */
    public Desk desk(String referralId, boolean mayRecord) {
        Referral r = views.require(referralId);
        Referrals.View view = views.view(referralId);
        List<Choice> next = !mayRecord ? List.of() : Arrays.stream(ArbitrationEvent.values())
                .filter(e -> e.allowedIn(r.getStatus()) && !(e == ArbitrationEvent.EXTENDED && r.isExtended()))
                .map(e -> new Choice(e, e.displayName())).toList();
        List<OpenTask> tasks = r.getProcessInstanceId() == null ? List.of()
                : taskService.createTaskQuery().processInstanceId(r.getProcessInstanceId()).orderByTaskCreateTime().asc().list()
                .stream().map(t -> new OpenTask(t.getId(), t.getName(), t.getAssignee(),
                        t.getDueDate() == null ? null : clock.inHallZone(t.getDueDate()), SlaMonitor.tasklistLink(t.getId())))
                .toList();
        List<SentNotice> notices = outbox.of(referralId).stream().map(m -> new SentNotice(m.kind(), clock.inHallZone(m.createdAt()),
                PersonalData.maskPhone(m.recipient()), m.message(), m.status())).toList();
        LocalDate today = clock.today();
        boolean dueSoon = view.deadline() != null && (!view.deadline().date().isAfter(today)
                || calendar.current().workingDaysBetween(today, view.deadline().date()) <= DUE_SOON_WORKING_DAYS);
        return new Desk(view, next, tasks, notices, today, dueSoon, mayRecord);
    }
}
