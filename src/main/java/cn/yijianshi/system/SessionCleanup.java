package cn.yijianshi.system;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes expired HTTP sessions from the shared tables, once a minute by default
 * (yijianshi.session.cleanup-cron), on one node at a time (cluster lock session-cleanup). Spring
 * Session's own cleanup is switched off (spring.session.jdbc.cleanup-cron: "-"); on two nodes it would
 * only delete the same rows twice.
 */
@Component
public class SessionCleanup {

    private final ObjectProvider<SessionTouches> sessions;

    public SessionCleanup(ObjectProvider<SessionTouches> sessions) {
        this.sessions = sessions;
    }

    @Scheduled(cron = "${yijianshi.session.cleanup-cron:0 * * * * *}")
    @SchedulerLock(name = "session-cleanup", lockAtLeastFor = "PT5S")
    public void deleteExpiredSessions() {
        sessions.ifAvailable(SessionTouches::cleanUpExpiredSessions);
    }
}
