package cn.yijianshi.outreach;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs 政策找人 once a day at {@code yijianshi.outreach.scan-cron} (06:30 in the hall's zone by default). On several
 * nodes one of them scans (the cluster lock outreach-scan; the others skip that day's turn); were two to scan at once,
 * the invitation's unique key (person, month) would still invite each person once. Switched off with
 * {@code yijianshi.outreach.scan-enabled=false}; administrators may run it at once (POST /api/admin/outreach/scan).
 */
@Component
public class OutreachSchedule {

    private final OutreachScan scan;
    private final boolean enabled;

    public OutreachSchedule(OutreachScan scan, @Value("${yijianshi.outreach.scan-enabled:true}") boolean enabled) {
        this.scan = scan;
        this.enabled = enabled;
    }

    @Scheduled(cron = "${yijianshi.outreach.scan-cron:0 30 6 * * *}", zone = "${yijianshi.zone:Asia/Shanghai}")
    @SchedulerLock(name = "outreach-scan", lockAtLeastFor = "PT1M")
    public void daily() {
        if (enabled) {
            scan.scan();
        }
    }
}
