package cn.yijianshi.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies on Camunda's REST API ({@code /engine-rest} and the web apps' {@code /camunda/api}),
 * which otherwise reads a body whole: a deployment created from Camunda Modeler (multipart, BPMN, DMN,
 * forms) may be up to {@code yijianshi.engine-rest.max-deployment-size} (10 MB), everything else up to
 * {@code yijianshi.engine-rest.max-request-size} (1 MB). A larger body is answered 413 before Camunda
 * sees it, in Camunda's own error shape ({@code type}, {@code message}, which Tasklist, Cockpit and the
 * Modeler show) with the Chinese message beside it ({@code messageZh}). A declared length is checked
 * before reading; a chunked body is read up to the limit (never more) and handed on from memory.
 */
@Component
public class EngineRestSizeLimit extends OncePerRequestFilter {

    private static final String[] CAMUNDA_REST = {"/engine-rest/", "/camunda/api/"};
    private static final String DEPLOYMENT_CREATE = "/deployment/create";

    private final long maxRequestBytes;
    private final long maxDeploymentBytes;
    private final ObjectMapper json;

    public EngineRestSizeLimit(@Value("${yijianshi.engine-rest.max-request-size:1MB}") DataSize maxRequest,
                               @Value("${yijianshi.engine-rest.max-deployment-size:10MB}") DataSize maxDeployment,
                               ObjectMapper json) {
        this.maxRequestBytes = maxRequest.toBytes();
        this.maxDeploymentBytes = maxDeployment.toBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : CAMUNDA_REST) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDeployment(HttpServletRequest request) {
        return request.getRequestURI().endsWith(DEPLOYMENT_CREATE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean deployment = isDeployment(request);
        long limit = deployment ? maxDeploymentBytes : maxRequestBytes;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(response, limit, deployment);
            return;
        }
        if (declared < 0 && hasBody(request)) {
            byte[] body = readAtMost(request.getInputStream(), limit);
            if (body == null) {
                refuse(response, limit, deployment);
                return;
            }
            chain.doFilter(new Buffered(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
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

    private void refuse(HttpServletResponse response, long limit, boolean deployment) throws IOException {
        String size = humanSize(limit);
        Map<String, String> error = new LinkedHashMap<>();
        error.put("type", "InvalidRequestException");
        error.put("message", "Request body too large: the limit is " + size + " ("
                + (deployment ? "deployments" : "requests other than deployments") + ").");
        error.put("messageZh", "请求内容过大：" + (deployment ? "部署" : "除部署外的请求") + "上限为 " + size + "。");
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), error);
        // Sent now, before the container discards the unread body, so a client still sending can read it.
        response.flushBuffer();
    }

    private static String humanSize(long bytes) {
        long mb = 1024 * 1024;
        return bytes % mb == 0 ? bytes / mb + " MB" : bytes + " bytes";
    }

    /** A chunked body that was read under the limit, handed on from memory. */
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
        public java.io.BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(new ByteArrayInputStream(body),
                    java.nio.charset.Charset.forName(encoding)));
        }
    }
}
