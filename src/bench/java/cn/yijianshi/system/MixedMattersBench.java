package cn.yijianshi.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import cn.yijianshi.catalog.CreditCode;
import cn.yijianshi.intake.CaseIntake;
import cn.yijianshi.intake.CaseIntakeRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/**
 * {@code --bench.matters=N}: N rounds of one straight-through case of every matter in bench/matter-cases.json, taken
 * in turns (mixed), each case from intake to 办结 with every task claimed and completed by the first member of its
 * candidate group with the variables the file gives; prints cases/s and p50/p95 per matter. Knows no matter by name:
 * the matters and their values are the file's.
 */
final class MixedMattersBench {

    record Sample(Map<String, Object> body, Map<String, Map<String, Object>> tasks) {
    }

    record File(String source, List<Sample> cases) {
    }

    private final CaseIntake intake;
    private final cn.yijianshi.intake.CaseLookup cases;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final ObjectMapper json;
    private final Map<String, String> workerOfGroup = new LinkedHashMap<>();
    private final TaskWork work;
    private int people;

    /** Works a task as Tasklist would for the user: the bench's own way, shared by every part of it. */
    interface TaskWork {
        void claimAndComplete(Task task, String user, Map<String, Object> variables);
    }

    MixedMattersBench(CaseIntake intake, cn.yijianshi.intake.CaseLookup cases, TaskService taskService,
                      IdentityService identityService, ObjectMapper json, TaskWork work) {
        this.work = work;
        this.intake = intake;
        this.cases = cases;
        this.taskService = taskService;
        this.identityService = identityService;
        this.json = json;
    }

    void run(int rounds) {
        List<Sample> samples = read();
        Map<String, long[]> nanos = new LinkedHashMap<>();
        samples.forEach(s -> nanos.put((String) s.body().get("matter"), new long[rounds]));
        for (int round = 0; round < rounds; round++) {
            for (Sample sample : samples) {
                long start = System.nanoTime();
                runCase(sample);
                nanos.get((String) sample.body().get("matter"))[round] = System.nanoTime() - start;
            }
        }
        nanos.forEach((matter, times) -> {
            long total = java.util.Arrays.stream(times).sum();
            System.out.println(new Bench.Timing(times, total).summary("mixed: " + matter + " case"));
        });
    }

    private void runCase(Sample sample) {
        Map<String, Object> body = json.convertValue(fill(sample.body()), Map.class);
        CaseIntakeRequest request = json.convertValue(body, CaseIntakeRequest.class);
        String caseId = intake.accept(request, null, "window1").caseId();
        List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(caseId).list();
        int guard = 0;
        while (!open.isEmpty()) {
            for (Task task : open) {
                Map<String, Object> variables = sample.tasks().getOrDefault(task.getTaskDefinitionKey(), Map.of());
                work.claimAndComplete(task, worker(task), variables);
            }
            open = taskService.createTaskQuery().processInstanceBusinessKey(caseId).list();
            if (++guard > 50) {
                throw new IllegalStateException("case " + caseId + " does not finish: " + open.get(0).getTaskDefinitionKey());
            }
        }
        var status = cases.view(caseId).status();
        if (status != cn.yijianshi.intake.CaseStatus.COMPLETED) {
            throw new IllegalStateException("case " + caseId + " of " + sample.body().get("matter") + " ended " + status
                    + ", not 办结: the bench's values in bench/matter-cases.json no longer fit the matter");
        }
    }

    /** The file's body with its placeholders: a new person's ID, and a valid credit code. */
    private Object fill(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> filled = new LinkedHashMap<>();
            map.forEach((k, v) -> filled.put((String) k, fill(v)));
            return filled;
        }
        if (value instanceof List<?> list) {
            List<Object> filled = new ArrayList<>();
            list.forEach(v -> filled.add(fill(v)));
            return filled;
        }
        if ("${person}".equals(value)) {
            people++;
            return BenchIdNumbers.male(1988, 1 + people % 12, 1 + people % 28, people);
        }
        if ("${organization}".equals(value)) {
            return CreditCode.of("91110105", "MA01ABCD");
        }
        return value;
    }

    private String worker(Task task) {
        String group = taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst().orElse("window");
        return workerOfGroup.computeIfAbsent(group, g -> identityService.createUserQuery().memberOfGroup(g)
                .orderByUserId().asc().listPage(0, 1).stream().findFirst().map(u -> u.getId()).orElse("demo"));
    }

    private List<Sample> read() {
        try (InputStream in = MixedMattersBench.class.getResourceAsStream("/bench/matter-cases.json")) {
            return json.readValue(in, File.class).cases();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bench/matter-cases.json", e);
        }
    }
}
