package cn.yijianshi.insured;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * The contribution statuses a registry row may carry (policy/contribution-statuses.json: 正常缴费, 暂停缴费, 已退休,
 * 终止参保), by code or Chinese name, and which of them 政策找人 invites.
 */
@Component
public class ContributionStatuses {

    public record Status(String code, String name, boolean invited) {
    }

    record File(String source, List<Status> statuses) {
    }

    private final Map<String, Status> byCodeOrName = new LinkedHashMap<>();
    private final List<Status> all;

    public ContributionStatuses() {
        try (InputStream in = ContributionStatuses.class.getResourceAsStream("/policy/contribution-statuses.json")) {
            File file = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(in, File.class);
            all = List.copyOf(file.statuses());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy/contribution-statuses.json", e);
        }
        for (Status s : all) {
            byCodeOrName.put(s.code(), s);
            byCodeOrName.put(s.name(), s);
        }
    }

    /** The status a cell names (its code, any case, or its Chinese name). */
    public Optional<Status> read(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(byCodeOrName.get(text.trim()))
                .or(() -> Optional.ofNullable(byCodeOrName.get(text.trim().toUpperCase(java.util.Locale.ROOT))));
    }

    public List<Status> all() {
        return all;
    }

    /** The codes 政策找人 invites. */
    public List<String> invited() {
        return all.stream().filter(Status::invited).map(Status::code).toList();
    }

    public String nameOf(String code) {
        return Optional.ofNullable(byCodeOrName.get(code)).map(Status::name).orElse(code);
    }
}
