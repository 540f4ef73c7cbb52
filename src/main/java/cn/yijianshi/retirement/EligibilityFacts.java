package cn.yijianshi.retirement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import cn.yijianshi.intake.ResidentIdNumber;
import cn.yijianshi.sla.HallCalendar;
import cn.yijianshi.system.HallClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * 计算预审要素: the facts the eligibility table decides on (statutory age reached, flexible window,
 * contribution against the minimum), and the sentence that tells the citizen when and what is missing.
 * The facts the table reads are transient: the decision's history (ACT_HI_DEC_IN) keeps them as the
 * table saw them, and the sentence keeps the months and the minimum (the pension forms show the statutory age from
 * the case record: {@link RetirementIntake#formFacts}). The sentence is transient too: 预审's own steps read it in this transaction
 * (the PRE_REVIEWED timeline entry, which keeps it in the case record; the 不予受理 notice; the expert's issue), and
 * nothing after a wait does. 提前预审: an application up to the policy's months before the month the applicant retires
 * in (policy/retirement-early-application.json) is {@code earlyApplication}; then the month ({@code retirementMonth})
 * and its first working day's opening ({@code retirementMonthStartsAt}, the wait's timer) stay on the case, and
 * otherwise they are transient (nothing waits for the month).
 */
@Component("eligibilityFacts")
public class EligibilityFacts implements JavaDelegate {

    private final StatutoryRetirementAge ages;
    private final HallClock clock;
    private final HallCalendar calendar;
    private final EarlyApplicationPolicy early = EarlyApplicationPolicy.fromClasspath();
    private final RetiringApplicant applicants;

    EligibilityFacts(StatutoryRetirementAge ages, HallClock clock, HallCalendar calendar, RetiringApplicant applicants) {
        this.applicants = applicants;
        this.ages = ages;
        this.clock = clock;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ResidentIdNumber applicant = applicants.of(execution);
        String gender = applicant.gender();
        int originalAge = ProcessFacts.integer(execution.getVariable("originalAge"));
        LocalDate birthDate = applicant.birthDate();
        Integer months = ProcessFacts.integer(execution.getVariable("contributionMonths"));
        int contributionMonths = months == null ? 0 : months;

        StatutoryAge statutory = ages.compute(gender, originalAge, birthDate);
        YearMonth earliestFlexible = ages.earliestFlexibleMonth(gender, originalAge, birthDate);
        YearMonth thisMonth = YearMonth.from(clock.today());
        boolean flexible = RetirementType.FLEXIBLE_EARLY.name().equals(execution.getVariable("retirementType"));
        YearMonth earliest = flexible ? chosenOrEarliest(execution.getVariable("chosenRetirementMonth"), earliestFlexible)
                : statutory.retirementMonth();
        YearMonth retiringIn = thisMonth.isBefore(earliest) ? earliest : thisMonth;
        int minimum = ages.minimumContributionMonths(retiringIn.getYear());
        // 提前预审: the month the applicant retires in, and its first working day at opening (the case's wait ends then).
        Instant monthStarts = calendar.current().receivedAt(retiringIn.atDay(1).atStartOfDay(clock.zone()).toInstant());
        // Only a case that waits for its month needs them after this transaction (the wait's timer, the timeline after it).
        boolean takesEarly = early.takesEarly(thisMonth, earliest);
        execution.setVariable("retirementMonth", Variables.stringValue(retiringIn.toString(), !takesEarly));
        execution.setVariable("retirementMonthStartsAt", Variables.stringValue(monthStarts.toString(), !takesEarly));
        execution.setVariable("earlyApplication", Variables.booleanValue(takesEarly, true));

        execution.setVariable("statutoryRetirementMonth", Variables.stringValue(statutory.retirementMonth().toString(), true));
        execution.setVariable("earliestFlexibleMonth", Variables.stringValue(earliestFlexible.toString(), true));
        execution.setVariable("minContributionMonths", Variables.integerValue(minimum, true));
        execution.setVariable("ageReached", Variables.booleanValue(!thisMonth.isBefore(statutory.retirementMonth()), true));
        execution.setVariable("flexibleWindowReached", Variables.booleanValue(
                !thisMonth.isBefore(flexible ? earliest : earliestFlexible), true));
        execution.setVariable("contributionSufficient", Variables.booleanValue(contributionMonths >= minimum, true));
        execution.setVariable("eligibilityExplanation", Variables.stringValue(
                explanation(thisMonth, earliest, contributionMonths, minimum, statutory, monthsStartOn(monthStarts)), true));
    }

    /** 弹性提前退休: the month the applicant chose (yyyy-MM), never before the flexible window opens. */
    private static YearMonth chosenOrEarliest(Object chosen, YearMonth earliestFlexible) {
        if (!(chosen instanceof String text) || text.isBlank()) {
            return earliestFlexible;
        }
        YearMonth month = YearMonth.parse(text.trim());
        return month.isBefore(earliestFlexible) ? earliestFlexible : month;
    }

    private LocalDate monthsStartOn(Instant monthStarts) {
        return monthStarts.atZone(clock.zone()).toLocalDate();
    }

    private String explanation(YearMonth thisMonth, YearMonth earliest, int contributionMonths, int minimum,
                               StatutoryAge statutory, LocalDate firstWorkingDay) {
        StringBuilder text = new StringBuilder("法定退休年龄 ").append(statutory.inChinese()).append("，于 ").append(statutory.retirementMonth()).append(" 达到。");
        if (thisMonth.isBefore(earliest)) {
            text.append("最早可于 ").append(earliest).append(" 办理。");
            if (early.takesEarly(thisMonth, earliest)) {
                text.append("已在提前预审期内：预审通过后，于 ").append(firstWorkingDay).append(" 起办结。");
            } else {
                text.append("可于 ").append(early.firstDayToApply(earliest)).append(" 起申请提前预审。");
            }
        }
        if (contributionMonths < minimum) {
            text.append("累计缴费 ").append(contributionMonths).append(" 个月，最低需 ").append(minimum)
                    .append(" 个月，尚差 ").append(minimum - contributionMonths).append(" 个月，可继续缴费至满足条件。");
        }
        return text.toString();
    }
}
