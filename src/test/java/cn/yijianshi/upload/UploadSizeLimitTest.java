package cn.yijianshi.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** At the filter: a registry import is handed on unread and only counted, never held; a declared excess is never read. */
class UploadSizeLimitTest {

    private final UploadSizeLimit filter = new UploadSizeLimit(policy(), new ObjectMapper());

    private static UploadPolicy policy() {
        try {
            return new UploadPolicy(UploadPolicyTest.configuredRules());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A request as a client streaming without a length sends it. */
    private static MockHttpServletRequest chunked(String path, byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.addHeader("Transfer-Encoding", "chunked");
        request.setContent(body);
        return request;
    }

    @Test
    void aStreamedImportReachesTheImporterUnreadAndIsCutOffPastItsLimit() throws Exception {
        long limit = 200L * 1024 * 1024;
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                return len;
            }
        };
        AtomicReference<ServletRequest> handedOn = new AtomicReference<>();
        MockHttpServletRequest streaming = new MockHttpServletRequest("POST", "/api/admin/insured/import") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public jakarta.servlet.ServletInputStream getInputStream() {
                return new org.springframework.mock.web.DelegatingServletInputStream(endless);
            }
        };

        filter.doFilter(streaming, new MockHttpServletResponse(), (req, res) -> handedOn.set(req));

        assertThat(handedOn.get()).as("counted, not buffered").isInstanceOf(UploadSizeLimit.Counted.class);
        InputStream body = handedOn.get().getInputStream();
        byte[] chunk = new byte[1024 * 1024];
        long read = 0;
        while (read < limit) {
            read += body.read(chunk, 0, (int) Math.min(chunk.length, limit - read));
        }
        assertThat(read).as("the whole limit is let through").isEqualTo(limit);
        assertThatThrownBy(() -> body.read(chunk)).isInstanceOf(BodyTooLarge.class);
    }

    @Test
    void aDeclaredExcessIsAnswered413WithoutReadingTheBody() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/admin/matters");
        request.setContent(new byte[5 * 1024 * 1024 + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<ServletRequest> handedOn = new AtomicReference<>();

        filter.doFilter(request, response, (req, res) -> handedOn.set(req));

        assertThat(handedOn.get()).as("the endpoint never runs").isNull();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("\"field\":\"body\"", "5 MB", "过大");
        assertThat(request.getInputStream().available()).as("not a byte read").isEqualTo(5 * 1024 * 1024 + 1);
    }

    @Test
    void aSmallChunkedBodyForCamundasRestIsHandedOnWhole() throws Exception {
        byte[] query = "{\"processInstanceBusinessKey\": \"TX-1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        AtomicReference<ServletRequest> handedOn = new AtomicReference<>();

        filter.doFilter(chunked("/engine-rest/task", query), new MockHttpServletResponse(), (req, res) -> handedOn.set(req));

        assertThat(handedOn.get().getContentLengthLong()).isEqualTo(query.length);
        assertThat(handedOn.get().getInputStream().readAllBytes()).isEqualTo(query);
    }
}
