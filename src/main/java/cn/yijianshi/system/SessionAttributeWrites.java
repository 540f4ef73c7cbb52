package cn.yijianshi.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions live in the database (Spring Session JDBC, save mode on-set-attribute), where every
 * {@code setAttribute} is a row written at the end of the request. Camunda's web apps set their login
 * (authenticatedUser) again on every request, Tasklist's polling included, mostly unchanged. Under
 * /camunda/* this filter lets such a call through only when the value is a different object or its
 * serialized form changed since it was read in this request (Camunda renews its cached groups every few
 * minutes: that is written). Registered by {@link ClusterSessions}.
 */
public class SessionAttributeWrites extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Request(request), response);
    }

    private static final class Request extends HttpServletRequestWrapper {

        private final Map<String, byte[]> asRead = new HashMap<>();
        private HttpSession session;
        private Session wrapped;

        Request(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession(boolean create) {
            return wrap(super.getSession(create));
        }

        @Override
        public HttpSession getSession() {
            return wrap(super.getSession());
        }

        private HttpSession wrap(HttpSession current) {
            if (current == null) {
                return null;
            }
            if (current != session) {
                session = current;
                wrapped = new Session(current, asRead);
            }
            return wrapped;
        }
    }

    /** The request's session, remembering each attribute's serialized form as it was first read. */
    static final class Session implements HttpSession {

        private final HttpSession delegate;
        private final Map<String, byte[]> asRead;

        Session(HttpSession delegate, Map<String, byte[]> asRead) {
            this.delegate = delegate;
            this.asRead = asRead;
        }

        @Override
        public Object getAttribute(String name) {
            Object value = delegate.getAttribute(name);
            if (value != null && !asRead.containsKey(name)) {
                byte[] form = serialized(value);
                if (form != null) {
                    asRead.put(name, form);
                }
            }
            return value;
        }

        @Override
        public void setAttribute(String name, Object value) {
            byte[] before = asRead.get(name);
            if (before != null && value != null && value == delegate.getAttribute(name)) {
                byte[] now = serialized(value);
                if (Arrays.equals(before, now)) {
                    return;
                }
            }
            delegate.setAttribute(name, value);
            byte[] written = value == null ? null : serialized(value);
            if (written == null) {
                asRead.remove(name);
            } else {
                asRead.put(name, written);
            }
        }

        @Override
        public void removeAttribute(String name) {
            asRead.remove(name);
            delegate.removeAttribute(name);
        }

        private static byte[] serialized(Object value) {
            if (!(value instanceof Serializable)) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            } catch (NotSerializableException e) {
                return null;
            } catch (IOException e) {
                return null;
            }
            return bytes.toByteArray();
        }

        @Override
        public long getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public long getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public ServletContext getServletContext() {
            return delegate.getServletContext();
        }

        @Override
        public void setMaxInactiveInterval(int interval) {
            delegate.setMaxInactiveInterval(interval);
        }

        @Override
        public int getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void invalidate() {
            asRead.clear();
            delegate.invalidate();
        }

        @Override
        public boolean isNew() {
            return delegate.isNew();
        }
    }
}
