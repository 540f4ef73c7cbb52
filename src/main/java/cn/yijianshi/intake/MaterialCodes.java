package cn.yijianshi.intake;

import java.util.Arrays;
import java.util.List;

import cn.yijianshi.system.RefusedRequest;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.StringValue;

/**
 * Lists of material codes: refused when one names a material the matter does not know; read from a case variable
 * that keeps them as text, codes separated by commas ({@code requiredMaterials}, {@code missingMaterialCodes}).
 */
public final class MaterialCodes {

    /**
     * The materials an intake received, handed to the case's first steps as a transient variable (never stored, no
     * history): 比对已交材料 at the start compares against them without reading back the rows the intake has just
     * written; a later comparison (after 补正) reads the case's materials.
     */
    public static final String RECEIVED_AT_INTAKE = "materialsReceivedAtIntake";

    private MaterialCodes() {
    }

    /** The intake's materials as the transient {@link #RECEIVED_AT_INTAKE} value. */
    static StringValue receivedAtIntake(List<String> codes) {
        return Variables.stringValue(String.join(",", codes), true);
    }

    /** The codes a variable keeps as text, separated by commas; none for null or empty text. */
    public static List<String> listed(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split(",")).map(String::trim).filter(code -> !code.isEmpty()).toList();
    }

    static void check(String field, List<String> codes, cn.yijianshi.catalog.Matter matter) {
        for (int i = 0; i < codes.size(); i++) {
            if (!matter.knowsMaterial(codes.get(i))) {
                throw RefusedRequest.badInput(field + "[" + i + "]", "未知的材料代码：" + codes.get(i),
                        "unknown material code: " + codes.get(i));
            }
        }
    }
}
