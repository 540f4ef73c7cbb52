package cn.yijianshi.casework;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import cn.yijianshi.catalog.RequiredMaterials;
import cn.yijianshi.intake.CaseMapper;
import cn.yijianshi.intake.MaterialCodes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 比对已交材料 (any matter): sets what is still missing against the required list (from the matter's DMN table).
 * The summary the window clerk reads in 审核材料 ({@code materialsSummary}) is made from these two when the form opens
 * ({@link cn.yijianshi.intake.CaseFactsInForms}).
 *
 * <p>Both are kept as text, codes separated by commas: the table's answer, a list, is rewritten in the command that
 * made it, so the case holds no serialized object (no byte array written, read back by every later decision, and
 * deleted at the end). A case started before this kept the list as JSON; it is read either way.
 *
 * <p>At the intake the materials received come with the start ({@link MaterialCodes#RECEIVED_AT_INTAKE}); later (after
 * 补正) they are read from the case.
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
        Object answer = execution.getVariable(RequiredMaterials.RESULT_VARIABLE);
        List<String> required = codes(answer);
        Object atIntake = execution.getVariable(MaterialCodes.RECEIVED_AT_INTAKE);
        Set<String> received = Set.copyOf(atIntake instanceof String codes ? MaterialCodes.listed(codes)
                : cases.materialCodes(caseId));
        List<String> missing = required.stream().filter(code -> !received.contains(code)).toList();

        if (!(answer instanceof String)) {
            execution.setVariable(RequiredMaterials.RESULT_VARIABLE, String.join(",", required));
        }
        execution.setVariable("missingMaterialCodes", String.join(",", missing));
    }

    /** The codes of a required list as kept: text with commas, or (cases started before) a list. */
    static List<String> codes(Object value) {
        List<String> codes = new ArrayList<>();
        if (value instanceof String text) {
            codes.addAll(MaterialCodes.listed(text));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(code -> codes.add(String.valueOf(code)));
        }
        return codes;
    }
}
