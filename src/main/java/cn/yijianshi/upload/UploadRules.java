package cn.yijianshi.upload;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The upload policy as configured ({@code yijianshi.upload.rules}, defaults in application.yaml): per named rule
 * the method (blank: any), the path patterns (Ant style, {@code **} anywhere), the largest body and the kinds of
 * file it takes (empty: no files, e.g. JSON). Rules are keyed by name so one can be changed alone
 * ({@code yijianshi.upload.rules.attachment.max-size=20MB}); the most specific matching pattern wins.
 */
@ConfigurationProperties("yijianshi.upload")
public record UploadRules(Map<String, Rule> rules) {

    public UploadRules {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }

    public record Rule(String method, List<String> paths, DataSize maxSize, List<FileKind> types) {

        public Rule {
            method = method == null || method.isBlank() ? null : method.trim().toUpperCase(java.util.Locale.ROOT);
            paths = paths == null ? List.of() : List.copyOf(paths);
            types = types == null ? List.of() : List.copyOf(types);
            if (maxSize == null || maxSize.toBytes() <= 0) {
                throw new IllegalArgumentException("every upload rule needs a positive max-size");
            }
        }
    }
}
