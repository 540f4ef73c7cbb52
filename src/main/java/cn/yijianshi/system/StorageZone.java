package cn.yijianshi.system;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Pins this JVM's default zone to {@code yijianshi.storage-zone} as soon as the configuration is read,
 * before logging, the pool, Camunda or anything else reads the clock. The zone matters because times are
 * stored without a zone: H2, Connector/J and Camunda write an instant into DATETIME columns as the JVM's
 * wall-clock, and read it back the same way (see reports.HallTimeShift). Every node of one database must
 * therefore run in the same zone; {@link StorageZoneMarker} refuses a node that does not. Left empty (the
 * default profile), the JVM keeps the zone it was started in; the mysql profile pins it to the hall's zone.
 */
public class StorageZone implements EnvironmentPostProcessor {

    static final String PROPERTY = "yijianshi.storage-zone";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            return;
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(configured.trim());
        } catch (DateTimeException e) {
            throw new IllegalStateException(PROPERTY + "=" + configured + " 不是有效的时区（例如 Asia/Shanghai）/ is not a zone id "
                    + "such as Asia/Shanghai", e);
        }
        if (!zone.equals(TimeZone.getDefault().toZoneId())) {
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
        }
    }
}
