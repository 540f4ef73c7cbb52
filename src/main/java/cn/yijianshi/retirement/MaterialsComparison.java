package cn.yijianshi.retirement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.yijianshi.intake.CaseMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 比对已交材料: sets what is still missing against the required list (from the DMN table), and a
 * summary the window clerk reads in 审核材料.
 */
@Component("materialsComparison")
public class MaterialsComparison implements JavaDelegate {

    private final CaseMapper cases;
    private final MaterialCatalogue catalogue;

    public MaterialsComparison(CaseMapper cases, MaterialCatalogue catalogue) {
        this.cases = cases;
        this.catalogue = catalogue;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        List<String> required = codes(execution.getVariable("requiredMaterials"));
        Set<String> received = Set.copyOf(cases.materialCodes(caseId));
        List<String> missing = required.stream().filter(code -> !received.contains(code)).toList();

        execution.setVariable("missingMaterialCodes", String.join(",", missing));
        execution.setVariable("materialsSummary", "应交材料：" + names(required) + "\n已交材料：" + names(
                required.stream().filter(received::contains).toList()) + "\n尚缺材料：" + (missing.isEmpty() ? "无" : names(missing)));
    }

    private String names(List<String> codes) {
        return codes.isEmpty() ? "无" : codes.stream().map(catalogue::nameOf).collect(Collectors.joining("、"));
    }

    static List<String> codes(Object value) {
        List<String> codes = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(code -> codes.add(String.valueOf(code)));
        }
        return codes;
    }
}
