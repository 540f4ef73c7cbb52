package cn.yijianshi.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on the production profile against the real MariaDB/MySQL ({@link MysqlTests}: skipped
 * unless switched on), on a random port, in a context of its own that is closed after the class, with the demo
 * users, and with the job executor, the outbox relay and the case watch off so that tests drive them. A test adds
 * or changes properties with {@code @TestPropertySource}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@MysqlTests
@ActiveProfiles("mysql")
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=" + MysqlTests.URL,
        "spring.datasource.username=root",
        "spring.datasource.password=",
        "camunda.bpm.job-execution.enabled=false",
        "yijianshi.outbox.relay-enabled=false",
        "yijianshi.sla.case-watch-enabled=false",
        "yijianshi.demo-users=true"})
public @interface MysqlHallTest {
}
