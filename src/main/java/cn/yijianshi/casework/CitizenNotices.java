package cn.yijianshi.casework;

import java.util.HashMap;
import java.util.Map;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import cn.yijianshi.catalog.Matter;
import cn.yijianshi.catalog.MatterCatalog;
import cn.yijianshi.intake.CaseFile;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 实时告知: tells the citizen a milestone of the case in the words of the matter's own template (its matter file's
 * {@code notices}), rendered with Mustache over the case's variables, and queues it with the template's SMS code.
 * A milestone the matter has no template for is recorded on the timeline and not sent. Besides the case's variables a
 * template may use {@code {{rateLink}}}, a one-time 好差评 link for the person served (e.g. in the 办结 notice).
 */
@Component("citizenNotices")
public class CitizenNotices {

    private static final Mustache.Compiler MUSTACHE = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true)
            .zeroIsFalse(true).defaultValue("");

    private final MatterCatalog catalog;
    private final CaseFile caseFile;
    private final cn.yijianshi.citizen.RatingLinks ratingLinks;
    private final Map<String, Template> compiled = new java.util.concurrent.ConcurrentHashMap<>();

    public CitizenNotices(MatterCatalog catalog, CaseFile caseFile, cn.yijianshi.citizen.RatingLinks ratingLinks) {
        this.catalog = catalog;
        this.caseFile = caseFile;
        this.ratingLinks = ratingLinks;
    }

    /** Tells the citizen {@code milestone} (IN_PROGRESS, COMPLETED ...), with {@code extra} values beside the case's variables. */
    public String tell(DelegateExecution execution, String milestone, Map<String, Object> extra) {
        String caseId = execution.getProcessBusinessKey();
        Matter matter = matterOf(execution);
        Map<String, Object> given = new HashMap<>(extra);
        given.put("caseId", caseId);
        return render(matter, milestone, new CaseValues(given, execution)).map(notice -> {
            caseFile.tellCitizen(caseId, milestone, notice.sms(), notice.text());
            return notice.text();
        }).orElse("");
    }

    /** A notice as it is sent: the gateway's SMS template code and the text. */
    public record Rendered(String sms, String text) {
    }

    /**
     * The matter's template for {@code milestone} rendered over {@code values} (its {@code {{rateLink}}}, if it has
     * one, made here for the case {@code values.caseId}); empty when the matter has no such notice.
     */
    public java.util.Optional<Rendered> render(Matter matter, String milestone, Map<String, Object> values) {
        return matter.notice(milestone).map(notice -> {
            Map<String, Object> own = new HashMap<>();
            if (!values.containsKey("matterName")) {
                own.put("matterName", matter.name());
            }
            // {{rateLink}}: a one-time link for the person served to rate the case (好差评), made only when asked for.
            if (notice.template().contains("rateLink")) {
                own.put("rateLink", ratingLinks.issue(String.valueOf(values.get("caseId"))));
            }
            Template template = compiled.computeIfAbsent(notice.template(), MUSTACHE::compile);
            return new Rendered(notice.sms(), template.execute(new CaseValues(own, values::containsKey, values::get)));
        });
    }

    /**
     * What a template names, looked up as it renders: the values given, then the case's own (a variable is read
     * only when the template names it: reading them all made every typed value of every scope, a tenth of a
     * completion's time where the case ends). Mustache asks a map only {@code containsKey} and {@code get}.
     */
    static final class CaseValues extends java.util.AbstractMap<String, Object> {

        private final Map<String, Object> given;
        private final java.util.function.Predicate<Object> has;
        private final java.util.function.Function<Object, Object> value;

        CaseValues(Map<String, Object> given, java.util.function.Predicate<Object> has,
                   java.util.function.Function<Object, Object> value) {
            this.given = given;
            this.has = has;
            this.value = value;
        }

        CaseValues(Map<String, Object> given, DelegateExecution execution) {
            this(given, name -> name instanceof String variable && execution.hasVariable(variable),
                    name -> name instanceof String variable ? execution.getVariable(variable) : null);
        }

        @Override
        public boolean containsKey(Object name) {
            return given.containsKey(name) || has.test(name);
        }

        @Override
        public Object get(Object name) {
            return given.containsKey(name) ? given.get(name) : value.apply(name);
        }

        /** Only the values given (the case's variables are not listed: a template names what it uses). */
        @Override
        public java.util.Set<Entry<String, Object>> entrySet() {
            return java.util.Collections.unmodifiableMap(given).entrySet();
        }
    }

    /** For BPMN expressions: {@code ${citizenNotices.tell(execution, 'IN_PROGRESS')}}. */
    public String tell(DelegateExecution execution, String milestone) {
        return tell(execution, milestone, Map.of());
    }

    /** The case's matter as its own deployment has it (the case's version, from the engine's cache: no query). */
    public Matter matterOf(DelegateExecution execution) {
        java.util.Optional<Matter> matter = execution instanceof org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity entity
                && entity.getProcessDefinition() != null
                ? catalog.byDeployment(entity.getProcessDefinition().getKey(), entity.getProcessDefinition().getDeploymentId())
                : catalog.byProcessDefinition(execution.getProcessDefinitionId());
        return matter.orElseThrow(() -> new IllegalStateException(
                "process " + execution.getProcessDefinitionId() + " has no matter file in its deployment"));
    }
}
