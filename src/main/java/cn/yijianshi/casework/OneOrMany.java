package cn.yijianshi.casework;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 一人或多人 (any matter): an intake form may take one person as an object ({@code facts.employee}, with facts that
 * belong to that person beside it, such as {@code facts.hireDate}) or several as rows of a list ({@code facts.employees}).
 * This step leaves the case with the list only, so the matter's rules and task forms read one shape. In BPMN, a service
 * task with {@code camunda:expression="${oneOrMany.collect(execution, 'employees', 'employee', 'hireDate')}"}.
 * (Done here rather than in FEEL: a FEEL list stored as a process variable would keep FEEL's own collection classes.)
 */
@Component("oneOrMany")
public class OneOrMany {

    /**
     * Sets {@code list} to a list of the one object {@code single} with {@code withFacts} (comma-separated names) added to
     * it, when {@code single} was given; otherwise keeps the list as it was given.
     */
    public void collect(DelegateExecution execution, String list, String single, String withFacts) {
        Object one = execution.getVariable(single);
        if (!(one instanceof Map<?, ?> fields)) {
            return;
        }
        Map<String, Object> row = new HashMap<>();
        fields.forEach((key, value) -> row.put(String.valueOf(key), value));
        for (String fact : withFacts.split(",")) {
            String name = fact.trim();
            if (!name.isEmpty()) {
                row.put(name, execution.getVariable(name));
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row);
        execution.setVariable(list, rows);
    }
}
