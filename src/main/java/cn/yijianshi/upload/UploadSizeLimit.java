package cn.yijianshi.upload;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds every request body to its {@link UploadPolicy} limit, so a runaway client fills neither memory nor disk
 * and nothing is stored: a declared length over the limit is answered 413 before a byte is read; a body without
 * one (chunked) is counted while the endpoint reads it and cut off ({@link BodyTooLarge}, 413) as soon as it
 * passes the limit. Our own API's bodies are never held here, whatever their size (registry imports stream).
 * <p>
 * Camunda's REST ({@code /engine-rest}, the web apps' {@code /camunda/api}) reads bodies whole and answers errors
 * in its own shape ({@code type}, {@code message}, which Tasklist, Cockpit and the Modeler show): there a chunked
 * body is read up to its limit (1 MB, 10 MB for deployments) and handed on from memory, and a refusal is
 * Camunda's shape with the Chinese beside it ({@code messageZh}).
 * <p>
 * Multipart bodies are parsed by Tomcat from its own stream, not through this filter's: a chunked multipart body
 * is held to {@code spring.servlet.multipart.max-request-size} while parsed (to disk), and each part to its
 * rule by {@link UploadPolicy#accept}.
 */
@Component
public class UploadSizeLimit extends OncePerRequestFilter {

    private static final String[] CAMUNDA_REST = {"/engine-rest/", "/camunda/api/"};

    private final UploadPolicy policy;
    private final ObjectMapper json;

    public UploadSizeLimit(UploadPolicy policy, ObjectMapper json) {
        this.policy = policy;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<UploadPolicy.Limit> rule = policy.limitFor(request.getMethod(), path);
        if (rule.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long limit = rule.get().maxBytes();
        boolean camunda = isCamundaRest(path);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(response, limit, camunda);
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);
        } else if (!camunda) {
            chain.doFilter(new Counted(request, limit), response);
        } else if (request.getHeader("Transfer-Encoding") != null) {
            byte[] body = readAtMost(request.getInputStream(), limit);
            if (body == null) {
                refuse(response, limit, true);
                return;
            }
            chain.doFilter(new Buffered(request, body), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    static boolean isCamundaRest(String path) {
        for (String prefix : CAMUNDA_REST) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private void refuse(HttpServletResponse response, long limit, boolean camunda) throws IOException {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (camunda) {
            String size = UploadPolicy.humanSize(limit);
            Map<String, String> error = new LinkedHashMap<>();
            error.put("type", "InvalidRequestException");
            error.put("message", "Request body too large: the limit here is " + size + ".");
            error.put("messageZh", "请求内容过大：此处上限为 " + size + "。");
            json.writeValue(response.getOutputStream(), error);
        } else {
            json.writeValue(response.getOutputStream(), new BodyTooLarge(limit).problem());
        }
        // Sent now, before the container discards the unread body, so a client still sending can read it.
        response.flushBuffer();
    }

    /** The whole body if it is no longer than {@code limit}, otherwise null (having read limit + 1 bytes at most). */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, limit + 1 - total))) > 0) {
            total += n;
            if (total > limit) {
                return null;
            }
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    /** A body of unknown length, counted as it is read and cut off past the limit; nothing is kept. */
    static final class Counted extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > maxBytes) {
                            throw new BodyTooLarge(maxBytes);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0 && (read += n) > maxBytes) {
                            throw new BodyTooLarge(maxBytes);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), Charset.forName(encoding)));
        }
    }

    /** A chunked body for Camunda's REST that was read under the limit, handed on from memory. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;
        private ServletInputStream stream;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            if (stream != null) {
                return stream;
            }
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            stream = new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("a buffered body is read blocking");
                }
            };
            return stream;
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), Charset.forName(encoding)));
        }
    }
}
