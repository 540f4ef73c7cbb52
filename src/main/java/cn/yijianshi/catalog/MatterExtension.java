package cn.yijianshi.catalog;

import java.util.Map;
import java.util.Set;

import cn.yijianshi.intake.ResidentIdNumber;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What is truly one matter's own at intake and cannot be said in its files (retirement's statutory age and pension
 * facts): a Spring bean a matter file names with {@code "extension": "<name>"}. Matters without one need no Java.
 */
public interface MatterExtension {

    /** The name matter files use for this extension. */
    String name();

    /** Checks across facts and applicant the form cannot express; refuses with a RefusedRequest naming the field. */
    void check(Map<String, Object> facts, ResidentIdNumber applicantId);

    /** The process variables this matter's steps read, from the facts the form kept. */
    Map<String, Object> startVariables(Map<String, Object> facts, ResidentIdNumber applicantId);

    /**
     * What this matter's task forms only show and can be derived from the applicant and the case's variables when a
     * form is opened ({@code cn.yijianshi.intake.CaseFactsInForms}), instead of being kept as process variables; named
     * in {@link #formFactNames()}.
     */
    default Map<String, Object> formFacts(ResidentIdNumber applicantId, VariableScope variables) {
        return Map.of();
    }

    /** The names {@link #formFacts} gives: never process variables, dropped when a form sends them back. */
    default Set<String> formFactNames() {
        return Set.of();
    }
}
