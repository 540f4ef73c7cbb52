package cn.yijianshi;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.yijianshi.intake.ResidentIdNumber;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The windows opening at 9:00: many first intakes of a day at once, for tests on H2 and MariaDB. */
public final class FirstMorning {

    private FirstMorning() {
    }

    /** {@code from}, or the same weekday a week or more later, on which nothing was numbered yet (tests share a database). */
    public static LocalDate aFreshDay(JdbcTemplate jdbc, LocalDate from) {
        LocalDate day = from;
        while (jdbc.queryForObject("SELECT COUNT(*) FROM case_number WHERE hall_day = ?", Integer.class,
                day.format(DateTimeFormatter.BASIC_ISO_DATE)) > 0) {
            day = day.plusWeeks(1);
        }
        return day;
    }

    public static java.util.Date nineOClock(LocalDate day) {
        return java.util.Date.from(day.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    /** {@code windows} clerks post an intake at the same moment, each for another citizen; the answers in any order. */
    public static List<ResponseEntity<Map<String, Object>>> windowsOpenAtOnce(TestRestTemplate http, int windows) throws Exception {
        ExecutorService clerks = Executors.newFixedThreadPool(windows);
        CountDownLatch nine = new CountDownLatch(1);
        try {
            List<Future<ResponseEntity<Map<String, Object>>>> answers = new ArrayList<>();
            for (int i = 0; i < windows; i++) {
                // Men born 1960-03-07, odd sequence numbers 301, 303, ...: all past their statutory age.
                String idNumber = ResidentIdNumber.withCheckCharacter("11010119600307" + (301 + 2 * i));
                var body = TestCitizens.retirementIntake("早窗" + i, idNumber);
                answers.add(clerks.submit(() -> {
                    nine.await();
                    return http.withBasicAuth("window1", "window1").exchange("/api/cases", HttpMethod.POST,
                            new HttpEntity<>(body), HeldTasks.JSON);
                }));
            }
            nine.countDown();
            List<ResponseEntity<Map<String, Object>>> all = new ArrayList<>();
            for (var answer : answers) {
                all.add(answer.get());
            }
            return all;
        } finally {
            clerks.shutdownNow();
        }
    }
}
