package cn.yijianshi.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.yijianshi.intake.Priority;
import org.springframework.stereotype.Component;

/**
 * 承诺时限 as data (policy/sla-policies.json): per process and task the limit, the warning point, who is
 * told at the warning and who gets the escalation at the breach; URGENT cases have their own limits;
 * and the whole-case promise per matter.
 */
@Component
public class SlaPolicies {

    public record Defaults(double warnAtRatio, List<String> warnTo, List<String> escalateTo) {
    }

    public record CasePromise(String matter, String limit, String urgentLimit) {
    }

    public record TaskPolicy(String process, String task, String name, String limit, String urgentLimit,
                             Double warnAtRatio, List<String> warnTo, List<String> escalateTo) {
    }

    record File(String source, String effectiveDate, Defaults defaults, List<CasePromise> cases, List<TaskPolicy> tasks) {
    }

    /** What applies to one step: its limit for the case's priority and who hears about it. */
    public record Applicable(SlaLimit limit, double warnAtRatio, List<String> warnTo, List<String> escalateTo) {
    }

    static final SlaLimit FALLBACK = new SlaLimit(3, true);

    private final File file;

    public SlaPolicies() {
        this(SlaPolicies.class.getResourceAsStream("/policy/sla-policies.json"));
    }

    public SlaPolicies(InputStream json) {
        try (json) {
            this.file = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(json, File.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SLA policies", e);
        }
        file.tasks().forEach(t -> {
            SlaLimit.parse(t.limit());
            SlaLimit.parse(t.urgentLimit());
        });
        file.cases().forEach(c -> {
            SlaLimit.parse(c.limit());
            SlaLimit.parse(c.urgentLimit());
        });
    }

    public Optional<Applicable> forTask(String processKey, String taskKey, Priority priority) {
        return file.tasks().stream().filter(t -> t.process().equals(processKey) && t.task().equals(taskKey)).findFirst()
                .map(t -> new Applicable(SlaLimit.parse(priority == Priority.URGENT ? t.urgentLimit() : t.limit()),
                        t.warnAtRatio() != null ? t.warnAtRatio() : file.defaults().warnAtRatio(),
                        t.warnTo() != null ? t.warnTo() : file.defaults().warnTo(),
                        t.escalateTo() != null ? t.escalateTo() : file.defaults().escalateTo()));
    }

    /** Steps no policy names still get a limit (3 working days, coordinators told), so nothing waits unwatched. */
    public Applicable forTaskOrFallback(String processKey, String taskKey, Priority priority) {
        return forTask(processKey, taskKey, priority).orElse(new Applicable(FALLBACK, file.defaults().warnAtRatio(),
                file.defaults().warnTo(), file.defaults().escalateTo()));
    }

    public Optional<Applicable> forCase(String matter, Priority priority) {
        return file.cases().stream().filter(c -> c.matter().equals(matter)).findFirst()
                .map(c -> new Applicable(SlaLimit.parse(priority == Priority.URGENT ? c.urgentLimit() : c.limit()),
                        file.defaults().warnAtRatio(), file.defaults().warnTo(), file.defaults().escalateTo()));
    }

    /** Who is told when a whole-case promise nears or passes its end: the defaults' groups. */
    public Defaults caseAudience() {
        return file.defaults();
    }

    public List<TaskPolicy> tasks() {
        return file.tasks();
    }
}
