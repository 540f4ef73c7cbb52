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
            files(definition.getDeploymentId()).matters().stream()
                    .filter(m -> m.processKey().equals(definition.getKey())).findFirst().ifPresent(matters::add);
        }
        matters.sort(Comparator.comparing(Matter::key));
        return matters;
    }

    public Optional<Matter> find(String key) {
        return key == null ? Optional.empty() : all().stream().filter(m -> m.key().equals(key)).findFirst();
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
