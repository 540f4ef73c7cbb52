package cn.yijianshi.points;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.yijianshi.upload.SheetRows;

/**
 * The columns of a service-point sheet (网点导入), read row by row by {@link SheetRows}.
 */
final class PointSheet {

    /** The columns a sheet may have: API field name → the Chinese header. */
    static final Map<String, String> COLUMNS = new java.util.LinkedHashMap<>();

    static {
        COLUMNS.put("code", "网点代码");
        COLUMNS.put("name", "网点名称");
        COLUMNS.put("level", "层级");
        COLUMNS.put("parentCode", "上级网点代码");
        COLUMNS.put("partnerKind", "合作类型");
        COLUMNS.put("matters", "可办事项");
        COLUMNS.put("address", "地址");
        COLUMNS.put("lat", "纬度");
        COLUMNS.put("lng", "经度");
        COLUMNS.put("officeHours", "办公时间");
        COLUMNS.put("phone", "联系电话");
        COLUMNS.put("active", "状态");
    }

    /** The sheet's reader: .xlsx (SAX) or CSV, row by row. */
    static final SheetRows SHEET = new SheetRows(COLUMNS);

    private PointSheet() {
    }

    /** "A、B，C D" → [A, B, C, D]. */
    static List<String> list(String text) {
        return text == null ? null : Arrays.stream(text.split("[,，、;；\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
