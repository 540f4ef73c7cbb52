package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.yijianshi.arbitration.ReferralStatus;
import cn.yijianshi.closure.IssueCategory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Forms show codes the process holds (issue category, arbitration outcome) as read-only selects with
 * Chinese labels; the labels must be the ones the code uses everywhere else, for every code.
 */
class FormCodeLabelsTest {

    private static final Map<String, Map<String, String>> CODES = Map.of(
            "issueCategory", labels(Arrays.stream(IssueCategory.values()).map(c -> Map.entry(c.name(), c.displayName())).toList()),
            "outcome", labels(Arrays.stream(ReferralStatus.values()).map(s -> Map.entry(s.name(), s.displayName())).toList()));

    private static Map<String, String> labels(List<Map.Entry<String, String>> entries) {
        Map<String, String> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    @Test
    void everyCodeFieldIsAReadOnlySelectWithTheCodesOwnChineseLabels() throws IOException {
        int checked = 0;
        try (Stream<Path> forms = Files.walk(Path.of("forms"))) {
            for (Path form : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                for (JsonNode field : new ObjectMapper().readTree(form.toFile()).path("components")) {
                    Map<String, String> expected = CODES.get(field.path("key").asText());
                    if (expected == null) {
                        continue;
                    }
                    assertThat(field.path("type").asText()).as(form + " " + field.path("key")).isEqualTo("select");
                    assertThat(field.path("readonly").asBoolean()).as(form + " " + field.path("key") + " read-only").isTrue();
                    Map<String, String> shown = new LinkedHashMap<>();
                    field.path("values").forEach(v -> shown.put(v.path("value").asText(), v.path("label").asText()));
                    assertThat(shown).as(form + " " + field.path("key")).isEqualTo(expected);
                    checked++;
                }
            }
        }
        assertThat(checked).as("issue category in the hard case's 8 forms (领导批示 too) and the referral's 回访确认, outcome in 告知结果")
                .isEqualTo(10);
    }
}
