package cn.yijianshi.closure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Each category's policy as data ({@code policy/issue-deadlines.json}): its 整改时限 in working days, and whether
 * 销号 needs evidence (an attachment besides the resolution and the call-back record). A hall changes either there.
 */
@Component
public class IssuePolicy {

    record File(String source, String effectiveDate, Map<IssueCategory, Integer> workingDaysByCategory,
                List<IssueCategory> evidenceRequiredFor) {
    }

    static final int DEFAULT_WORKING_DAYS = 10;

    private final File policy;

    public IssuePolicy() {
        this(IssuePolicy.class.getResourceAsStream("/policy/issue-deadlines.json"));
    }

    public IssuePolicy(InputStream json) {
        try (json) {
            this.policy = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(json, File.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy/issue-deadlines.json", e);
        }
    }

    public int workingDays(IssueCategory category) {
        return policy.workingDaysByCategory().getOrDefault(category, DEFAULT_WORKING_DAYS);
    }

    public boolean requiresEvidence(IssueCategory category) {
        return policy.evidenceRequiredFor() != null && policy.evidenceRequiredFor().contains(category);
    }
}
