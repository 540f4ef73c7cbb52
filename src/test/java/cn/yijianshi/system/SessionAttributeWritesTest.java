package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/** Tasklist's polling re-sets an unchanged login: nothing is written; a changed or new value is. */
class SessionAttributeWritesTest {

    /** Counts what would become rows written in SPRING_SESSION_ATTRIBUTES. */
    static final class CountingSession extends MockHttpSession {
        int writes;

        @Override
        public void setAttribute(String name, Object value) {
            writes++;
            super.setAttribute(name, value);
        }
    }

    private final CountingSession session = new CountingSession();

    private void request(FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/camunda/api/engine/engine/default/task/count");
        request.setSession(session);
        new SessionAttributeWrites().doFilter(request, new MockHttpServletResponse(), chain);
    }

    @Test
    void anUnchangedLoginSetAgainIsNotWritten() throws Exception {
        session.setAttribute("authenticatedUser", new ArrayList<>(List.of("expert1")));
        session.writes = 0;
        request((req, res) -> {
            var session = ((HttpServletRequest) req).getSession(true);
            Object login = session.getAttribute("authenticatedUser");
            session.setAttribute("authenticatedUser", login);
        });
        assertThat(session.writes).isZero();
    }

    @Test
    void aLoginChangedInPlaceIsWritten() throws Exception {
        session.setAttribute("authenticatedUser", new ArrayList<>(List.of("expert1")));
        session.writes = 0;
        request((req, res) -> {
            var session = ((HttpServletRequest) req).getSession(true);
            @SuppressWarnings("unchecked")
            List<String> login = (List<String>) session.getAttribute("authenticatedUser");
            login.add("groups renewed");
            session.setAttribute("authenticatedUser", login);
        });
        assertThat(session.writes).isOne();
        assertThat(session.getAttribute("authenticatedUser")).isEqualTo(List.of("expert1", "groups renewed"));
    }

    @Test
    void aNewValueIsWritten() throws Exception {
        request((req, res) -> ((HttpServletRequest) req).getSession(true).setAttribute("authenticatedUser", new ArrayList<>()));
        assertThat(session.writes).isOne();
    }
}
