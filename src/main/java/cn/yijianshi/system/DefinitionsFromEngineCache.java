package cn.yijianshi.system;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionManager;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionManager;
import org.springframework.stereotype.Component;

/**
 * Reads of a definition's row that the engine makes again and again although what they are read for cannot change,
 * answered from the engine's own deployment cache (the parsed definitions it keeps in memory) when it holds the
 * definition, from the database otherwise:
 * <ul>
 *   <li>a <b>claim or a completion</b> ({@code ClaimTaskCmd}, {@code CompleteTaskCmd}, {@code SubmitTaskFormCmd}: every
 *   task worked in Tasklist) reads its task's process definition by id, for the definition's key the permission check
 *   asks about. Key, id and deployment never change; what may (suspension, history time to live) plays no part in
 *   working a task: a suspended case's tasks are refused by their own suspension state, read with the task. Any
 *   other command (a start, which must see a definition suspended on another node; a change of the definition) reads
 *   the row as before, and so does a claim whose definition the cache does not hold yet;</li>
 *   <li>a <b>decision</b> called with the deployment's version ({@code camunda:decisionRefBinding="deployment"}, as every
 *   case process calls its rules) is found by deployment and key: the pair names one decision for good, so the
 *   first answer is remembered and the parsed decision taken from the cache. A decision whose deployment is deleted
 *   leaves the cache, and the database is asked again, as before.</li>
 * </ul>
 * The history of a step (its task's or activity's row) names its process definition's key, read for it from the row
 * unless the command read the row before: from the cache too, in any command (key, name and version never change).
 * A retirement case reads 12 definition rows fewer (its six claims and six completions) and its two rules'.
 */
@Component
public class DefinitionsFromEngineCache extends AbstractProcessEnginePlugin {

    /** The commands of working a task: none of them changes or depends on a definition's changeable fields. */
    private static final Set<Class<?>> TASK_WORK = Set.of(ClaimTaskCmd.class, CompleteTaskCmd.class, SubmitTaskFormCmd.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineSessions.open(configuration, ProcessDefinitionManager.class, ProcessDefinitions::new);
        if (configuration.getHistoryEventProducer() == null) {
            configuration.setHistoryEventProducer(new HistoryWithCachedDefinitions());
        }
        Map<String, String> decisionIds = new ConcurrentHashMap<>();
        EngineSessions.open(configuration, DecisionDefinitionManager.class, () -> new DecisionDefinitions(decisionIds));
    }

    /** Whether the command running now (the innermost, when one runs inside another) is one of working a task. */
    public static boolean workingATask() {
        CommandInvocationContext invocation = Context.getCommandInvocationContext();
        Command<?> command = invocation == null ? null : invocation.getCommand();
        return command != null && TASK_WORK.contains(command.getClass());
    }

    /** The parsed definition the engine's deployment cache holds for {@code id}, or null. */
    static ProcessDefinitionEntity cachedProcessDefinition(String id) {
        return Context.getProcessEngineConfiguration().getDeploymentCache().getProcessDefinitionCache().get(id);
    }

    /** Camunda's process definition manager; a task's definition for task work from the cache. */
    static class ProcessDefinitions extends ProcessDefinitionManager {
        @Override
        public ProcessDefinitionEntity findLatestDefinitionById(String id) {
            ProcessDefinitionEntity cached = workingATask() ? cachedProcessDefinition(id) : null;
            return cached != null ? cached : super.findLatestDefinitionById(id);
        }
    }

    /**
     * Camunda's history producer, which reads a definition's row only for its key, name and version (never changed)
     * unless the command read the row before: from the cache when it holds the definition.
     */
    static class HistoryWithCachedDefinitions extends CacheAwareHistoryEventProducer {
        @Override
        protected ProcessDefinitionEntity getProcessDefinitionEntity(String id) {
            ProcessDefinitionEntity cached = cachedProcessDefinition(id);
            return cached != null ? cached : super.getProcessDefinitionEntity(id);
        }
    }

    /** Camunda's decision definition manager; a decision by deployment and key remembered by its id. */
    static class DecisionDefinitions extends DecisionDefinitionManager {
        private final Map<String, String> decisionIds;

        DecisionDefinitions(Map<String, String> decisionIds) {
            this.decisionIds = decisionIds;
        }

        @Override
        public DecisionDefinitionEntity findDefinitionByDeploymentAndKey(String deploymentId, String definitionKey) {
            String pair = deploymentId + '\n' + definitionKey;
            String id = decisionIds.get(pair);
            if (id != null) {
                DecisionDefinitionEntity cached = Context.getProcessEngineConfiguration().getDeploymentCache()
                        .getDecisionDefinitionCache().get(id);
                if (cached != null) {
                    return cached;
                }
            }
            DecisionDefinitionEntity found = super.findDefinitionByDeploymentAndKey(deploymentId, definitionKey);
            if (found != null) {
                decisionIds.put(pair, found.getId());
            }
            return found;
        }
    }
}
