package cn.yijianshi.retirement;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import cn.yijianshi.system.HallClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 测算养老金: puts the pension estimate (the 核算表) before the 养老金核定 clerk, from what 档案审核
 * confirmed: contribution months, average contribution index, account balance, transitional pension.
 */
@Component("pensionEstimateStep")
public class PensionEstimateStep implements JavaDelegate {

    private final PensionEstimate estimate = PensionEstimate.fromClasspath();
    private final HallClock clock;
    private final BigDecimal localAverageWage;

    private final RetiringApplicant applicants;

    PensionEstimateStep(HallClock clock, RetiringApplicant applicants,
                        @Value("${yijianshi.retirement.local-average-wage:11297}") BigDecimal localAverageWage) {
        this.applicants = applicants;
        this.clock = clock;
        this.localAverageWage = localAverageWage;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer confirmed = ProcessFacts.integer(execution.getVariable("confirmedContributionMonths"));
        int months = confirmed != null ? confirmed : orZero(ProcessFacts.integer(execution.getVariable("contributionMonths")));
        BigDecimal index = orDefault(ProcessFacts.decimal(execution.getVariable("averageContributionIndex")), BigDecimal.ONE);
        BigDecimal balance = orDefault(ProcessFacts.decimal(execution.getVariable("personalAccountBalance")), BigDecimal.ZERO);
        BigDecimal transitional = orDefault(ProcessFacts.decimal(execution.getVariable("transitionalPension")), BigDecimal.ZERO);
        YearMonth birth = YearMonth.from(applicants.of(execution).birthDate());
        int ageYears = (int) Math.max(40, Math.min(70, ChronoUnit.MONTHS.between(birth, YearMonth.from(clock.today())) / 12));

        PensionEstimate.Sheet sheet = estimate.estimate(localAverageWage, localAverageWage.multiply(index), months,
                balance, ageYears, transitional);
        // The form shows the sheet and the total; the sheet spells out each part.
        execution.setVariable("estimateTotal", sheet.total().doubleValue());
        execution.setVariable("estimateSheet", String.join("\n",
                "基础养老金 = (上年度全市职工月平均工资 " + localAverageWage + " + 本人指数化月平均缴费工资 "
                        + localAverageWage.multiply(index).setScale(2, java.math.RoundingMode.HALF_UP) + ") ÷ 2 × 缴费年限 "
                        + sheet.contributionYears() + " × 1% = " + sheet.basicPension() + " 元",
                "个人账户养老金 = 个人账户储存额 " + balance + " ÷ 计发月数 " + sheet.divisor() + "（" + ageYears + "岁）= "
                        + sheet.personalAccountPension() + " 元",
                "过渡性养老金 = " + sheet.transitionalPension() + " 元",
                "合计 = " + sheet.total() + " 元/月（测算值，以核定为准）"));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static BigDecimal orDefault(BigDecimal value, BigDecimal fallback) {
        return value == null ? fallback : value;
    }
}
