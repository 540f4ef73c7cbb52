package cn.yijianshi.upload;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Test-only endpoints that take uploads as the coming ones will (attachments, materials, imports), under a path
 * the "attachment" rule covers, so the policy is tested before they exist. They "store" what they accept in
 * {@link #stored}, so a test can see that nothing was stored on a refusal.
 */
@RestController
class UploadTestEndpoints {

    static final String MULTIPART = "/api/online/upload-test/materials";
    static final String STREAMED = "/api/online/upload-test-stream/materials";

    final List<String> stored = new CopyOnWriteArrayList<>();
    private final UploadPolicy policy;

    UploadTestEndpoints(UploadPolicy policy) {
        this.policy = policy;
    }

    @PostMapping(MULTIPART)
    Map<String, Object> material(@RequestPart("scan") MultipartFile scan) {
        FileKind kind = policy.accept("attachment", scan);
        stored.add(scan.getOriginalFilename());
        return Map.of("type", kind.name(), "bytes", scan.getSize());
    }

    /** Reads the body as it arrives, as a registry import will: nothing kept but a count. */
    @PostMapping(STREAMED)
    Map<String, Object> streamed(HttpServletRequest request) throws IOException {
        InputStream body = new BufferedInputStream(request.getInputStream());
        FileKind kind = policy.accept("attachment", "body", body);
        long bytes = body.transferTo(java.io.OutputStream.nullOutputStream());
        stored.add("stream of " + bytes);
        return Map.of("type", kind.name(), "bytes", bytes);
    }
}
