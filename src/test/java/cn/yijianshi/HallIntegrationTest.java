package cn.yijianshi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on an in-memory H2, on a random port, with the job executor off so tests
 * fire timers themselves. Every class with this annotation shares one Spring context. Lock waits last up to
 * 10 s, as intakes of one day queue on its counter row (H2's default is 1 s). The calendar's version number is read
 * before every computation, so a test that writes the calendar tables as another node would sees it at once
 * (CalendarCheckIntervalTest covers the production interval).
 */
@AutoConfigureObservability(tracing = false)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:hall-it;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "camunda.bpm.job-execution.enabled=false",
        "yijianshi.outbox.relay-enabled=false",
        "yijianshi.sla.case-watch-enabled=false",
        "yijianshi.sla.calendar-check=PT0S"})
public @interface HallIntegrationTest {
}
