package cn.yijianshi.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.yijianshi.catalog.Departments;
import cn.yijianshi.catalog.Matter;
import cn.yijianshi.catalog.ShippedMatters;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The matters that are files alone (no extension): complete matter files, their BPMN's user tasks bound to forms of
 * their own folder in their own deployment and to groups that exist, and not one of their keys in the Java sources.
 */
class MatterFilesTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");

    /** The folder of each matter file, by matter key. */
    private static Map<String, Path> folders() {
        Map<String, Path> folders = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.walk(PROCESSES)) {
            for (Path file : files.filter(p -> p.getFileName().toString().equals("matter.json")).toList()) {
                folders.put(json.readTree(file.toFile()).get("key").asText(), file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folders;
    }

    static List<Matter> filesAlone() {
        return new ShippedMatters().all().stream().filter(m -> m.extension() == null).toList();
    }

    @Test
    void theNewMattersAreShippedAsFilesAlone() {
        assertThat(filesAlone()).extracting(Matter::key)
                .contains("UNEMPLOYMENT", "UNEMPLOYMENT_STOP", "EMPLOYEE_HIRING", "SOCIAL_SECURITY_CARD");
    }

    @Test
    void noKeyOrProcessOfAMatterMadeOfFilesAppearsInTheJavaSources() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Matter matter : filesAlone()) {
            Pattern key = Pattern.compile("(?<![A-Z0-9_])" + Pattern.quote(matter.key()) + "(?![A-Z0-9_])");
            Pattern process = Pattern.compile("(?<![a-z0-9-])" + Pattern.quote(matter.processKey()) + "(?![a-z0-9-])");
            for (Path source : sources) {
                String text = Files.readString(source);
                if (key.matcher(text).find() || process.matcher(text).find()) {
                    found.add(matter.key() + " in " + source);
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesAlone")
    void theMatterFileIsCompleteAndItsDepartmentsExist(Matter matter) {
        assertThat(matter.problems()).isEmpty();
        Departments departments = Departments.shipped();
        assertThat(matter.departments()).allSatisfy(code -> assertThat(departments.byCode(code)).as(code).isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesAlone")
    void theCompletionNoticeAsksThePersonServedToRateTheService(Matter matter) {
        assertThat(matter.notice("COMPLETED").orElseThrow().template()).as("好差评 by the one-time link").contains("{{rateLink}}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesAlone")
    void everyUserTaskHasAFormOfItsOwnFolderInItsOwnDeploymentAndAGroupThatExists(Matter matter) throws IOException {
        Path folder = folders().get(matter.key());
        String dir = folder.getFileName().toString();
        Map<String, JsonNode> forms = forms(FORMS.resolve(dir));
        assertThat(forms).containsKey(matter.intakeForm());
        assertThat(forms.keySet()).allSatisfy(id -> assertThat(id).startsWith(dir + "-"));

        BpmnModelInstance model;
        try (Stream<Path> files = Files.list(folder); InputStream in = Files.newInputStream(files
                .filter(p -> p.toString().endsWith(".bpmn")).findFirst().orElseThrow())) {
            model = Bpmn.readModelFromStream(in);
        }
        Process process = model.getModelElementsByType(Process.class).iterator().next();
        assertThat(process.getId()).isEqualTo(matter.processKey());
        assertThat(process.getExtensionElements().getElementsQuery().filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class)
                .singleResult().getCamundaProperties()).extracting(CamundaProperty::getCamundaName, CamundaProperty::getCamundaValue)
                .contains(org.assertj.core.groups.Tuple.tuple("caseProcess", "true"));

        List<String> groups = Departments.shipped().all().stream().map(d -> d.group()).toList();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaFormRef()).as(task.getId()).isIn(forms.keySet());
            assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
            assertThat(groups).as(task.getId()).contains(task.getCamundaCandidateGroups());
            assertThat(task.getName()).as(task.getId()).isNotBlank();
            assertThat(matter.step(task.getId())).as("limit of %s in the matter file", task.getId()).isPresent();
            if (task.getExtensionElements() != null) {
                assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list())
                        .as("no SLA timer pasted into %s", task.getId())
                        .noneMatch(listener -> "timeout".equals(listener.getCamundaEvent()));
            }
        }
    }

    private static Map<String, JsonNode> forms(Path dir) throws IOException {
        Map<String, JsonNode> forms = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".form")).toList()) {
                JsonNode form = json.readTree(file.toFile());
                forms.put(form.get("id").asText(), form);
            }
        }
        return forms;
    }
}
