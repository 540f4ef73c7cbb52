package cn.yijianshi.insured;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.yijianshi.upload.SheetRows;

/** The columns of 参保人员名册 (API field name → Chinese header), in the 社保 system's export order. */
final class InsuredSheet {

    static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("idNumber", "身份证号码");
        COLUMNS.put("name", "姓名");
        COLUMNS.put("gender", "性别");
        COLUMNS.put("originalAge", "原退休年龄类别");
        COLUMNS.put("contributionMonths", "累计缴费月数");
        COLUMNS.put("contributionStatus", "缴费状态");
        COLUMNS.put("phone", "联系电话");
        COLUMNS.put("servicePoint", "服务网点代码");
    }

    static final SheetRows SHEET = new SheetRows(COLUMNS);

    private InsuredSheet() {
    }
}
