package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Versions stay apart: every user task of every model under processes/ takes its form from its own deployment
 * (a new version of a matter never changes the forms of cases already running), and the form is its folder's own:
 * in the folder of the same name under forms/, with an id no other form has (no form serves two processes).
 */
class TaskFormsTest {

    private static List<Path> files(String root, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(root))) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void everyUserTaskBindsAFormOfItsOwnFolderFromItsOwnDeployment() throws IOException {
        Map<String, Path> formsById = new HashMap<>();
        for (Path form : files("forms", ".form")) {
            String id = new ObjectMapper().readTree(form.toFile()).path("id").asText();
            assertThat(formsById.put(id, form)).as("form id %s used once (%s)", id, form).isNull();
        }
        int checked = 0;
        for (Path model : files("processes", ".bpmn")) {
            Path folder = Path.of("processes").relativize(model).getParent();
            assertThat(folder).as("%s in a folder of its own", model).isNotNull();
            for (UserTask task : Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class)) {
                String where = model + " " + task.getId();
                assertThat(task.getCamundaFormRefBinding()).as(where).isEqualTo("deployment");
                Path form = formsById.get(task.getCamundaFormRef());
                assertThat(form).as("%s: form %s", where, task.getCamundaFormRef()).isNotNull();
                assertThat(form.getParent()).as("%s: form %s", where, task.getCamundaFormRef()).isEqualTo(Path.of("forms").resolve(folder));
                checked++;
            }
        }
        assertThat(checked).as("user tasks of the models under processes/").isGreaterThanOrEqualTo(19);
    }
}
