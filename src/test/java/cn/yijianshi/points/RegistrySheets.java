package cn.yijianshi.points;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Registry workbooks made in the test: 重庆's five levels, or a few rows written out by hand. */
final class RegistrySheets {

    static final List<String> HEADERS = List.of("网点代码", "网点名称", "层级", "上级网点代码", "合作类型", "可办事项",
            "地址", "纬度", "经度", "办公时间", "联系电话", "状态");

    /** 重庆's counts per level (issue 18): 4 city, 172 district, 1,176 town, 9,621 village/community, 2,384 partner. */
    static final int[] CHONGQING = {4, 172, 1176, 9621, 2384};

    /** 25 permitted low-risk matters of a partner point. */
    static final String PARTNER_MATTERS = String.join("、", partnerMatters());

    private RegistrySheets() {
    }

    static List<String> partnerMatters() {
        List<String> keys = new ArrayList<>(List.of("SOCIAL_SECURITY_CARD", "RETIREMENT"));
        for (int i = keys.size() + 1; i <= 25; i++) {
            keys.add(String.format("LOW_RISK_%02d", i));
        }
        return keys;
    }

    /**
     * A network of {@code counts} points per level (city, district, town, community, partner), codes starting with
     * {@code prefix}, each point under one of the level above (partners under towns), around 重庆 (GCJ-02).
     */
    static byte[] network(String prefix, int[] counts) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        Random random = new Random(18);
        String[] levels = {"市", "区县", "镇街", "村社区", "合作点"};
        String[] kinds = {"社银", "社邮", "社医"};
        String[] letter = {"C", "D", "T", "V", "P"};
        for (int level = 0; level < 5; level++) {
            int parentLevel = level == 4 ? 2 : level - 1;
            for (int i = 0; i < counts[level]; i++) {
                String code = prefix + letter[level] + i;
                String parent = parentLevel < 0 ? "" : prefix + letter[parentLevel] + (i % counts[parentLevel]);
                boolean partner = level == 4;
                rows.add(List.of(code, "测试网点" + letter[level] + i, levels[level], parent, partner ? kinds[i % 3] : "",
                        partner ? PARTNER_MATTERS : "", "重庆市某区某街道" + i + "号", 28.9 + random.nextDouble() * 1.6,
                        105.6 + random.nextDouble() * 1.8, "周一至周五 09:00-17:00", "023-6" + String.format("%07d", i),
                        "启用"));
            }
        }
        return workbook(rows);
    }

    /** A workbook of the standard header and these rows (numbers stay numbers, texts texts). */
    static byte[] workbook(List<List<Object>> rows) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("网点");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null && !v.toString().isEmpty()) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        }
    }
}
