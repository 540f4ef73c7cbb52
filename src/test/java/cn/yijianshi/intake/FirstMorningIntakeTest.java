package cn.yijianshi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import cn.yijianshi.FirstMorning;
import cn.yijianshi.HallIntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Case, issue and referral numbers on H2: consecutive under a rush, none lost to a rolled-back intake. */
@HallIntegrationTest
class FirstMorningIntakeTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseNumbers numbers;
    @Autowired
    TransactionTemplate transaction;

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void eightWindowsOpeningAtNineAllGetConsecutiveNumbers() throws Exception {
        LocalDate day = FirstMorning.aFreshDay(jdbc, LocalDate.parse("2026-06-08"));
        ClockUtil.setCurrentTime(FirstMorning.nineOClock(day));

        var answers = FirstMorning.windowsOpenAtOnce(http, 8);

        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode()).as("%s", a.getBody()).isEqualTo(HttpStatus.CREATED));
        String prefix = "TX-" + day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "-";
        assertThat(answers.stream().map(a -> (String) a.getBody().get("caseId")).sorted().toList())
                .isEqualTo(IntStream.rangeClosed(1, 8).mapToObj(n -> prefix + String.format("%06d", n)).toList());
    }

    @Test
    void anIntakeThatRollsBackGivesItsNumberBack() {
        LocalDate day = FirstMorning.aFreshDay(jdbc, LocalDate.parse("2026-06-15"));
        String lost = transaction.execute(status -> {
            String number = numbers.next("TX", day);
            status.setRollbackOnly();
            return number;
        });
        String next = transaction.execute(status -> numbers.next("TX", day));
        String after = transaction.execute(status -> numbers.next("TX", day));

        assertThat(List.of(lost, next, after)).map(n -> n.substring(n.lastIndexOf('-') + 1)).containsExactly("000001", "000001", "000002");
    }

    @Test
    void issuesAndReferralsCountOnTheirOwn() {
        LocalDate day = FirstMorning.aFreshDay(jdbc, LocalDate.parse("2026-06-22"));
        String tx = transaction.execute(status -> numbers.next("TX", day));
        String wt = transaction.execute(status -> numbers.next("WT", day));
        String zc = transaction.execute(status -> numbers.next("ZC", day));
        String wt2 = transaction.execute(status -> numbers.next("WT", day));
        assertThat(List.of(tx, wt, zc, wt2)).containsExactly("TX-" + fmt(day) + "-000001",
                "WT-" + fmt(day) + "-000001", "ZC-" + fmt(day) + "-000001", "WT-" + fmt(day) + "-000002");
    }

    private static String fmt(LocalDate day) {
        return day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    }
}
