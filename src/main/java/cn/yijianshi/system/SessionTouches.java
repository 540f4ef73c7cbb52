package cn.yijianshi.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Keeps reading a session from becoming a write. Spring Session JDBC stores a session's last access on every
 * request, so each open Tasklist, polling every few seconds, would update its row again and again on every
 * node. This repository passes a new access time on to the stored session only when the stored one is older
 * than {@code touchInterval}: a request that changes no attribute then writes nothing, and a session expires at
 * most that interval earlier than its timeout says, never later. New sessions and changed attributes are saved
 * as before. Stateless: on two nodes each reads and writes the shared rows.
 */
public class SessionTouches implements SessionRepository<SessionTouches.Touched> {

    private final SessionRepository<Session> sessions;
    private final Duration touchInterval;

    @SuppressWarnings("unchecked")
    public SessionTouches(SessionRepository<? extends Session> sessions, Duration touchInterval) {
        this.sessions = (SessionRepository<Session>) sessions;
        this.touchInterval = touchInterval;
    }

    @Override
    public Touched createSession() {
        return new Touched(sessions.createSession());
    }

    @Override
    public void save(Touched session) {
        sessions.save(session.stored);
    }

    @Override
    public Touched findById(String id) {
        Session stored = sessions.findById(id);
        return stored == null ? null : new Touched(stored);
    }

    @Override
    public void deleteById(String id) {
        sessions.deleteById(id);
    }

    /** Deletes the expired sessions from the shared tables ({@link SessionCleanup}). */
    public void cleanUpExpiredSessions() {
        if ((Object) sessions instanceof JdbcIndexedSessionRepository jdbc) {
            jdbc.cleanUpExpiredSessions();
        }
    }

    /** The stored session, whose last access moves only once {@link #touchInterval} has passed. */
    public final class Touched implements Session {

        private final Session stored;

        private Touched(Session stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (!lastAccessedTime.isBefore(stored.getLastAccessedTime().plus(touchInterval))) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
