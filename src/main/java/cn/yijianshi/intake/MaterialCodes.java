package cn.yijianshi.intake;

import java.util.List;

import cn.yijianshi.system.RefusedRequest;

/** Refuses a list of material codes that names one the matter does not know. */
final class MaterialCodes {

    private MaterialCodes() {
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
