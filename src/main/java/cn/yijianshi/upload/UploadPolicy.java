package cn.yijianshi.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.yijianshi.system.RefusedRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.multipart.MultipartFile;

/**
 * One policy for the size and kind of what is sent to us: which limit a request's body has (by method and path,
 * the most specific rule wins), and whether an uploaded file is of a kind its endpoint takes, told by its content.
 * Endpoints that take files call {@link #accept(String, MultipartFile)} or {@link #accept(String, String, InputStream)}
 * before they store anything; a refusal is 413 (too large) or 415 (wrong kind) in Chinese and English naming
 * the field. The limits on the body as a whole are applied by {@link UploadSizeLimit} before the endpoint runs.
 */
@Component
public class UploadPolicy {

    /** One rule as applied: its name, its limit in bytes and the kinds of file it takes. */
    public record Limit(String name, long maxBytes, List<FileKind> types) {
    }

    private final AntPathMatcher paths = new AntPathMatcher();
    private final Map<String, UploadRules.Rule> rules;

    public UploadPolicy(UploadRules configured) {
        this.rules = configured.rules();
    }

    /** The rule for a request, or empty when none applies (pages, static files, the login form). */
    public Optional<Limit> limitFor(String method, String path) {
        Comparator<String> specific = paths.getPatternComparator(path);
        String bestPattern = null;
        Map.Entry<String, UploadRules.Rule> best = null;
        for (Map.Entry<String, UploadRules.Rule> entry : rules.entrySet()) {
            UploadRules.Rule rule = entry.getValue();
            if (rule.method() != null && !rule.method().equalsIgnoreCase(method)) {
                continue;
            }
            for (String pattern : rule.paths()) {
                if (!paths.match(pattern, path)) {
                    continue;
                }
                int order = bestPattern == null ? -1 : specific.compare(pattern, bestPattern);
                boolean tieWonByMethod = order == 0 && rule.method() != null && best.getValue().method() == null;
                if (order < 0 || tieWonByMethod) {
                    bestPattern = pattern;
                    best = entry;
                }
            }
        }
        return Optional.ofNullable(best).map(e -> limit(e.getKey(), e.getValue()));
    }

    /** The named rule (e.g. "attachment"); a name not in the configuration is a programming error. */
    public Limit limit(String name) {
        UploadRules.Rule rule = rules.get(name);
        if (rule == null) {
            throw new IllegalArgumentException("no upload rule named " + name + "; configured: " + rules.keySet());
        }
        return limit(name, rule);
    }

    private static Limit limit(String name, UploadRules.Rule rule) {
        return new Limit(name, rule.maxSize().toBytes(), rule.types());
    }

    /**
     * Accepts an uploaded part for the named rule, or refuses it (nothing has been stored yet, so nothing is):
     * 400 when missing or empty, 413 when larger than the rule allows, 415 when its content is not a kind the rule takes.
     *
     * @return what the file is, by its content
     */
    public FileKind accept(String ruleName, MultipartFile part) {
        Limit limit = limitTakingFiles(ruleName);
        String field = part == null || part.getName().isBlank() ? "file" : part.getName();
        if (part == null || part.isEmpty()) {
            throw RefusedRequest.badInput(field, "缺少文件或文件为空，请选择文件后重新提交", "the file is missing or empty: choose a file and send again");
        }
        if (part.getSize() > limit.maxBytes()) {
            throw tooLarge(field, limit.maxBytes());
        }
        try (InputStream in = part.getInputStream()) {
            byte[] head = in.readNBytes(FileKind.SAMPLE_BYTES);
            return check(limit, field, head, part.getSize() <= head.length);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded part " + field, e);
        }
    }

    /**
     * Accepts a streamed upload (e.g. a registry import read straight from the request) for the named rule by its
     * first bytes, then puts the stream back where it was: the caller reads it whole afterwards, never held in
     * memory here. Its length is counted against the rule by {@link UploadSizeLimit} while it is read.
     *
     * @param content a stream that supports mark/reset (wrap it in a {@link java.io.BufferedInputStream})
     */
    public FileKind accept(String ruleName, String field, InputStream content) throws IOException {
        Limit limit = limitTakingFiles(ruleName);
        if (!content.markSupported()) {
            throw new IllegalArgumentException("wrap the upload in a BufferedInputStream so its first bytes can be looked at");
        }
        content.mark(FileKind.SAMPLE_BYTES + 1);
        byte[] head = content.readNBytes(FileKind.SAMPLE_BYTES + 1);
        content.reset();
        if (head.length == 0) {
            throw RefusedRequest.badInput(field, "上传内容为空，请选择文件后重新提交", "the upload is empty: choose a file and send again");
        }
        boolean complete = head.length <= FileKind.SAMPLE_BYTES;
        return check(limit, field, complete ? head : java.util.Arrays.copyOf(head, FileKind.SAMPLE_BYTES), complete);
    }

    private Limit limitTakingFiles(String ruleName) {
        Limit limit = limit(ruleName);
        if (limit.types().isEmpty()) {
            throw new IllegalArgumentException("upload rule " + ruleName + " takes no files (no types configured)");
        }
        return limit;
    }

    private static FileKind check(Limit limit, String field, byte[] head, boolean complete) {
        FileKind kind = FileKind.of(head, complete);
        if (kind != null && limit.types().contains(kind)) {
            return kind;
        }
        String allowedZh = limit.types().stream().map(FileKind::nameZh).collect(Collectors.joining("、"));
        String allowedEn = limit.types().stream().map(FileKind::nameEn).collect(Collectors.joining(", "));
        String isZh = kind == null ? "文件内容不是可接受的类型" : "文件内容是" + kind.nameZh();
        String isEn = kind == null ? "the file's content is of no accepted kind" : "the file's content is a " + kind.nameEn();
        throw RefusedRequest.unsupportedMediaType(field,
                isZh + "（按内容识别，与文件名无关），此处只接受：" + allowedZh,
                isEn + " (told by its content, not its name); accepted here: " + allowedEn);
    }

    /** 413 naming the field, in Chinese and English. */
    public static RefusedRequest tooLarge(String field, long maxBytes) {
        String size = humanSize(maxBytes);
        return RefusedRequest.payloadTooLarge(field, "内容过大（上限 " + size + "），请压缩或拆分后重新提交",
                "too large (limit " + size + "): compress or split it and send again");
    }

    /** 64 KB, 10 MB, or bytes when the limit is neither. */
    public static String humanSize(long bytes) {
        long kb = 1024;
        long mb = kb * kb;
        if (bytes % mb == 0) {
            return bytes / mb + " MB";
        }
        return bytes % kb == 0 ? bytes / kb + " KB" : bytes + " bytes";
    }
}
