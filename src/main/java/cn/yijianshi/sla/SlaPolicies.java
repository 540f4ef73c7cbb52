package cn.yijianshi.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.yijianshi.catalog.Matter;
import cn.yijianshi.catalog.MatterLookup;
import cn.yijianshi.catalog.ShippedMatters;
import cn.yijianshi.intake.Priority;
import org.springframework.stereotype.Component;

/**
 * 承诺时限 as data: per process and task the limit, the warning point, who is told at the warning and who gets
 * the escalation at the breach; URGENT cases have their own limits. A matter's promise and step limits live in its
 * matter file; the shared processes' (疑难件, 仲裁转介) and the defaults in policy/sla-policies.json.
 */
@Component
public class SlaPolicies {

    public record Defaults(double warnAtRatio, List<String> warnTo, List<String> escalateTo) {
    }

    public record TaskPolicy(String process, String task, String name, String limit, String urgentLimit,
                             Double warnAtRatio, List<String> warnTo, List<String> escalateTo) {
    }

    record File(String source, String effectiveDate, Defaults defaults, List<TaskPolicy> tasks) {
    }

    /** What applies to one step: its limit for the case's priority and who hears about it. */
    public record Applicable(SlaLimit limit, double warnAtRatio, List<String> warnTo, List<String> escalateTo) {
    }

    static final SlaLimit FALLBACK = new SlaLimit(3, true);

    private final File file;
    private final MatterLookup matters;

    /** The shipped policies and matter files, without an engine (unit tests). */
    public SlaPolicies() {
        this(new ShippedMatters());
    }

    /** The matters' own limits come from their matter files; the shared processes' from policy/sla-policies.json. */
    @org.springframework.beans.factory.annotation.Autowired
    public SlaPolicies(MatterLookup matters) {
        this(SlaPolicies.class.getResourceAsStream("/policy/sla-policies.json"), matters);
    }

    public SlaPolicies(InputStream json, MatterLookup matters) {
        this.matters = matters;
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
    }

    /** A step's policy: the shared processes' from the policy file, a matter's steps from its matter file. */
    public Optional<Applicable> forTask(String processKey, String taskKey, Priority priority) {
        return forTask(processKey, taskKey, priority, () -> matters.byProcessKey(processKey));
    }

    private Optional<Applicable> forTask(String processKey, String taskKey, Priority priority,
                                         java.util.function.Supplier<Optional<Matter>> matter) {
        Optional<Applicable> shared = file.tasks().stream().filter(t -> t.process().equals(processKey) && t.task().equals(taskKey))
                .findFirst().map(t -> applicable(priority == Priority.URGENT ? t.urgentLimit() : t.limit(), t.warnAtRatio(),
                        t.warnTo(), t.escalateTo()));
        if (shared.isPresent()) {
            return shared;
        }
        return matter.get().flatMap(m -> m.step(taskKey)).map(t -> applicable(
                priority == Priority.URGENT ? t.urgentLimit() : t.limit(), t.warnAtRatio(), t.warnTo(), t.escalateTo()));
    }

    private Applicable applicable(String limit, Double warnAtRatio, List<String> warnTo, List<String> escalateTo) {
        return new Applicable(SlaLimit.parse(limit), warnAtRatio != null ? warnAtRatio : file.defaults().warnAtRatio(),
                warnTo != null ? warnTo : file.defaults().warnTo(), escalateTo != null ? escalateTo : file.defaults().escalateTo());
    }

    /** Steps no policy names still get a limit (3 working days, coordinators told), so nothing waits unwatched. */
    public Applicable forTaskOrFallback(String processKey, String taskKey, Priority priority) {
        return forTask(processKey, taskKey, priority).orElseGet(this::fallback);
    }

    /** The policy of a step of a process version deployed in {@code deploymentId}, from that deployment's matter file. */
    public Applicable forDeployedTask(String processKey, String deploymentId, String taskKey, Priority priority) {
        return forTask(processKey, taskKey, priority, () -> matters.byDeployment(processKey, deploymentId))
                .orElseGet(this::fallback);
    }

    /** The policy of a task of a running case, from the matter file of the version the case runs on. */
    public Applicable forCaseTask(String processDefinitionId, String taskKey, Priority priority) {
        return forTask(processDefinitionId.split(":")[0], taskKey, priority, () -> matters.byProcessDefinition(processDefinitionId))
                .orElseGet(this::fallback);
    }

    private Applicable fallback() {
        return new Applicable(FALLBACK, file.defaults().warnAtRatio(), file.defaults().warnTo(), file.defaults().escalateTo());
    }

    /** The whole-case promise (承诺时限) of a matter, from its matter file. */
    public Optional<Applicable> forCase(String matter, Priority priority) {
        return matters.byKey(matter).flatMap(m -> forCase(m, priority));
    }

    /** The same, of a matter already at hand (intake has just read it from the catalog). */
    public Optional<Applicable> forCase(Matter matter, Priority priority) {
        return Optional.ofNullable(matter.promise())
                .map(p -> applicable(priority == Priority.URGENT ? p.urgentLimit() : p.limit(), null, null, null));
    }

    /** Who is told when a whole-case promise nears or passes its end: the defaults' groups. */
    public Defaults caseAudience() {
        return file.defaults();
    }

    public List<TaskPolicy> tasks() {
        return file.tasks();
    }
}
