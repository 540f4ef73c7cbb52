package cn.yijianshi.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.yijianshi.system.RefusedRequest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The matters this hall runs, read from the engine's deployments: a matter is the matter file deployed beside
 * the latest version of its process. Every node reads the same shared deployments, so a matter an administrator
 * uploads is seen by every node at its next request; running cases keep their own deployment's version.
 * Deployments never change, so what was read from one is kept in memory by its id.
 */
@Component
public class MatterCatalog implements MatterLookup {

    public static final String MATTER_FILE = "matter.json";

    private final RepositoryService repository;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private final Map<String, DeployedFiles> byDeployment = new ConcurrentHashMap<>();
    /** The deployment each matter read here came from (by identity: two deployments may hold equal files). */
    private final Map<Matter, DeployedFiles> deployedWith = Collections.synchronizedMap(new IdentityHashMap<>());
    /** The process definition each matter read here was deployed with (by identity, as above). */
    private final Map<Matter, String> definitionOf = Collections.synchronizedMap(new IdentityHashMap<>());
    /** The process key of each matter key seen here, so that finding a matter asks for one process only. */
    private final Map<String, String> processKeyOf = new ConcurrentHashMap<>();

    /** The matter files and forms of one deployment. */
    record DeployedFiles(List<Matter> matters, Map<String, JsonNode> forms) {
    }

    /** Lazy: steps' beans (the SLA clock) need the catalog while the engine that provides the repository is built. */
    public MatterCatalog(@org.springframework.context.annotation.Lazy RepositoryService repository) {
        this.repository = repository;
    }

    /** Every matter, in the order of their Chinese names. */
    public List<Matter> all() {
        List<Matter> matters = new ArrayList<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().active().list()) {
            matterOf(definition).ifPresent(matters::add);
        }
        matters.sort(Comparator.comparing(Matter::key));
        return matters;
    }

    /**
     * The matter {@code key} as the latest version of its process has it. A matter whose process this node has
     * seen asks for that process's latest version alone; another (new, moved or unknown) is looked for among all.
     */
    public Optional<Matter> find(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String processKey = processKeyOf.get(key);
        if (processKey != null) {
            ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                    .latestVersion().active().singleResult();
            Optional<Matter> matter = latest == null ? Optional.empty()
                    : matterOf(latest).filter(m -> m.key().equals(key));
            if (matter.isPresent()) {
                return matter;
            }
        }
        return all().stream().filter(m -> m.key().equals(key)).findFirst();
    }

    /**
     * The process definition a matter this catalog gave belongs to: its cases start that version, the one whose
     * matter file was read (empty for a matter not given by {@link #all}, {@link #find} or {@link #require}).
     */
    public Optional<String> processDefinitionId(Matter matter) {
        return Optional.ofNullable(definitionOf.get(matter));
    }

    /** The matter file deployed with {@code definition} for its process, if that deployment has one. */
    private Optional<Matter> matterOf(ProcessDefinition definition) {
        Optional<Matter> matter = files(definition.getDeploymentId()).matters().stream()
                .filter(m -> m.processKey().equals(definition.getKey())).findFirst();
        matter.ifPresent(m -> {
            processKeyOf.put(m.key(), m.processKey());
            definitionOf.put(m, definition.getId());
        });
        return matter;
    }

    /** The matter, or 400 naming {@code field} when this hall does not run it. */
    public Matter require(String field, String key) {
        return find(key).orElseThrow(() -> RefusedRequest.badInput(field, "本厅暂不受理该事项：" + key,
                "this matter is not handled here: " + key));
    }

    @Override
    public Optional<Matter> byKey(String key) {
        return find(key);
    }

    @Override
    public Optional<Matter> byProcessKey(String processKey) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        return definition == null ? Optional.empty() : byProcessDefinition(definition.getId());
    }

    /** The matter a case's process belongs to, as its own deployment says (a running case keeps its version). */
    @Override
    public Optional<Matter> byProcessDefinition(String processDefinitionId) {
        ProcessDefinition definition = repository.getProcessDefinition(processDefinitionId);
        return byDeployment(definition.getKey(), definition.getDeploymentId());
    }

    /** The matter as one deployment has it: read once per node, no query (a case's task knows its deployment). */
    @Override
    public Optional<Matter> byDeployment(String processKey, String deploymentId) {
        return files(deploymentId).matters().stream().filter(m -> m.processKey().equals(processKey)).findFirst();
    }

    /**
     * The matter's intake form (form-js JSON) deployed beside its matter file: for a matter this catalog gave (the
     * latest when it was asked for), its own deployment's, without another query; else the latest process's.
     */
    public Optional<JsonNode> intakeForm(Matter matter) {
        DeployedFiles own = deployedWith.get(matter);
        if (own != null) {
            return Optional.ofNullable(own.forms().get(matter.intakeForm()));
        }
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(matter.processKey())
                .latestVersion().singleResult();
        return definition == null ? Optional.empty()
                : Optional.ofNullable(files(definition.getDeploymentId()).forms().get(matter.intakeForm()));
    }

    private DeployedFiles files(String deploymentId) {
        return byDeployment.computeIfAbsent(deploymentId, this::read);
    }

    private DeployedFiles read(String deploymentId) {
        List<Matter> matters = new ArrayList<>();
        Map<String, JsonNode> forms = new ConcurrentHashMap<>();
        for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
            if (resource.endsWith(MATTER_FILE)) {
                try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
                    matters.add(json.readValue(in, Matter.class));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + resource + " of deployment " + deploymentId, e);
                }
            } else if (resource.endsWith(".form")) {
                try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
                    JsonNode form = json.readTree(in);
                    if (form.hasNonNull("id")) {
                        forms.put(form.get("id").asText(), form);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + resource + " of deployment " + deploymentId, e);
                }
            }
        }
        matters.forEach(m -> MatterNames.learn(m.key(), m.name()));
        DeployedFiles files = new DeployedFiles(List.copyOf(matters), Map.copyOf(forms));
        files.matters().forEach(m -> deployedWith.put(m, files));
        return files;
    }
}
