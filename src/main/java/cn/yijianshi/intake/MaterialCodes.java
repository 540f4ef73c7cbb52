package cn.yijianshi.intake;

import java.util.Arrays;
import java.util.List;

import cn.yijianshi.system.RefusedRequest;

/**
 * Lists of material codes: refused when one names a material the matter does not know; read from a case variable
 * that keeps them as text, codes separated by commas ({@code requiredMaterials}, {@code missingMaterialCodes}).
 */
public final class MaterialCodes {

    private MaterialCodes() {
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
