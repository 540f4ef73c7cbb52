package cn.yijianshi.retirement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

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
 * table saw them, and the sentence keeps the months and the minimum; only the statutory age, which the
 * pension forms show, and the sentence stay on the case. 提前预审: an application up to the policy's months before the
 * month the applicant retires in (policy/retirement-early-application.json) is {@code earlyApplication}; the month
 * ({@code retirementMonth}) and its first working day's opening ({@code retirementMonthStartsAt}, the wait's timer)
 * stay on the case.
 */
@Component("eligibilityFacts")
public class EligibilityFacts implements JavaDelegate {

    private final StatutoryRetirementAge ages;
    private final HallClock clock;
    private final HallCalendar calendar;
    private final EarlyApplicationPolicy early = EarlyApplicationPolicy.fromClasspath();

    public EligibilityFacts(StatutoryRetirementAge ages, HallClock clock, HallCalendar calendar) {
        this.ages = ages;
        this.clock = clock;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String gender = (String) execution.getVariable("gender");
        int originalAge = ProcessFacts.integer(execution.getVariable("originalAge"));
        LocalDate birthDate = LocalDate.parse((String) execution.getVariable("birthDate"));
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
        execution.setVariable("retirementMonth", retiringIn.toString());
        execution.setVariable("retirementMonthStartsAt", monthStarts.toString());
        execution.setVariable("earlyApplication", Variables.booleanValue(early.takesEarly(thisMonth, earliest), true));

        execution.setVariable("statutoryAge", statutory.ageYears() + "岁" + (statutory.ageMonths() > 0 ? statutory.ageMonths() + "个月" : ""));
        execution.setVariable("statutoryRetirementMonth", Variables.stringValue(statutory.retirementMonth().toString(), true));
        execution.setVariable("earliestFlexibleMonth", Variables.stringValue(earliestFlexible.toString(), true));
        execution.setVariable("minContributionMonths", Variables.integerValue(minimum, true));
        execution.setVariable("ageReached", Variables.booleanValue(!thisMonth.isBefore(statutory.retirementMonth()), true));
        execution.setVariable("flexibleWindowReached", Variables.booleanValue(
                !thisMonth.isBefore(flexible ? earliest : earliestFlexible), true));
        execution.setVariable("contributionSufficient", Variables.booleanValue(contributionMonths >= minimum, true));
        execution.setVariable("eligibilityExplanation",
                explanation(thisMonth, earliest, contributionMonths, minimum, statutory, monthsStartOn(monthStarts)));
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
        StringBuilder text = new StringBuilder("法定退休年龄 ").append(statutory.ageYears()).append("岁");
        if (statutory.ageMonths() > 0) {
            text.append(statutory.ageMonths()).append("个月");
        }
        text.append("，于 ").append(statutory.retirementMonth()).append(" 达到。");
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
