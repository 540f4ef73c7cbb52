package cn.yijianshi.casework;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import cn.yijianshi.intake.CaseMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 比对已交材料 (any matter): sets what is still missing against the required list (from the matter's DMN table).
 * The summary the window clerk reads in 审核材料 ({@code materialsSummary}) is made from these two when the form opens
 * ({@link cn.yijianshi.intake.CaseFactsInForms}).
 */
@Component("materialsComparison")
public class MaterialsComparison implements JavaDelegate {

    private final CaseMapper cases;

    public MaterialsComparison(CaseMapper cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        List<String> required = codes(execution.getVariable("requiredMaterials"));
        Set<String> received = Set.copyOf(cases.materialCodes(caseId));
        List<String> missing = required.stream().filter(code -> !received.contains(code)).toList();

        execution.setVariable("missingMaterialCodes", String.join(",", missing));
    }

    static List<String> codes(Object value) {
        List<String> codes = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(code -> codes.add(String.valueOf(code)));
        }
        return codes;
    }
}
