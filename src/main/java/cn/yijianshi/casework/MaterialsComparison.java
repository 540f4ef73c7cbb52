package cn.yijianshi.casework;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.yijianshi.catalog.Matter;
import cn.yijianshi.catalog.MatterCatalog;
import cn.yijianshi.intake.CaseMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 比对已交材料 (any matter): sets what is still missing against the required list (from the matter's DMN table),
 * and a summary the window clerk reads in 审核材料, with the names of the matter file's materials.
 */
@Component("materialsComparison")
public class MaterialsComparison implements JavaDelegate {

    private final CaseMapper cases;
    private final MatterCatalog catalog;

    public MaterialsComparison(CaseMapper cases, MatterCatalog catalog) {
        this.cases = cases;
        this.catalog = catalog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        Matter matter = catalog.byProcessDefinition(execution.getProcessDefinitionId()).orElseThrow();
        List<String> required = codes(execution.getVariable("requiredMaterials"));
        Set<String> received = Set.copyOf(cases.materialCodes(caseId));
        List<String> missing = required.stream().filter(code -> !received.contains(code)).toList();

        execution.setVariable("missingMaterialCodes", String.join(",", missing));
        execution.setVariable("materialsSummary", "应交材料：" + names(matter, required) + "\n已交材料：" + names(matter,
                required.stream().filter(received::contains).toList()) + "\n尚缺材料：" + (missing.isEmpty() ? "无" : names(matter, missing)));
    }

    static String names(Matter matter, List<String> codes) {
        return codes.isEmpty() ? "无" : codes.stream().map(matter::materialName).collect(Collectors.joining("、"));
    }

    static List<String> codes(Object value) {
        List<String> codes = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(code -> codes.add(String.valueOf(code)));
        }
        return codes;
    }
}
