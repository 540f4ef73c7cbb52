package cn.yijianshi.points;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A point as an administrator writes it, by the API ({@code POST /api/service-points}) or as a row of an import
 * sheet: the same checks for both, each problem naming its field in Chinese and English. Levels and partner kinds
 * are taken as codes (DISTRICT, POST) or in Chinese (区县, 社邮).
 */
public record PointDraft(String code, String name, String level, String parentCode, String partnerKind,
                         List<String> matters, String address, Double lat, Double lng, String officeHours,
                         String phone, Boolean active) {

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,31}");
    static final Pattern MATTER = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");
    static final int MAX_MATTERS = 200;

    /** One thing wrong with a draft. */
    public record Problem(String field, String message, String messageEn) {
    }

    /**
     * What is wrong with the draft; {@code parentOf} finds the level of a parent code (in the registry, or earlier
     * in the same import), empty when there is no such point.
     */
    public List<Problem> problems(Function<String, Optional<PointLevel>> parentLevel) {
        List<Problem> problems = new ArrayList<>();
        if (blank(code)) {
            problems.add(new Problem("code", "必须填写网点代码", "is required"));
        } else if (!CODE.matcher(code).matches()) {
            problems.add(new Problem("code", "网点代码只能由大写字母、数字和 - 组成（最长32位），如 BN-P-0001",
                    "capitals, digits and - only (at most 32), e.g. BN-P-0001"));
        }
        if (blank(name)) {
            problems.add(new Problem("name", "必须填写网点名称", "is required"));
        } else if (name.trim().length() > 100) {
            problems.add(new Problem("name", "网点名称最长100字", "at most 100 characters"));
        }
        Optional<PointLevel> pointLevel = PointLevel.read(level);
        if (pointLevel.isEmpty()) {
            problems.add(new Problem("level", "层级须为 CITY（市）、DISTRICT（区县）、TOWN（镇街）、COMMUNITY（村社区）或 PARTNER（合作点）",
                    "must be CITY, DISTRICT, TOWN, COMMUNITY or PARTNER"));
        }
        if (!blank(parentCode)) {
            if (parentCode.trim().equals(code)) {
                problems.add(new Problem("parentCode", "上级网点不能是网点自己", "a point cannot be its own parent"));
            } else {
                Optional<PointLevel> parent = parentLevel.apply(parentCode.trim());
                if (parent.isEmpty()) {
                    problems.add(new Problem("parentCode", "没有这个上级网点：" + parentCode, "no such point: " + parentCode));
                } else if (pointLevel.isPresent() && !parent.get().mayParent(pointLevel.get())) {
                    problems.add(new Problem("parentCode", "上级网点（" + parent.get().displayName() + "）须高于本网点的层级（"
                            + pointLevel.get().displayName() + "），合作点不能作上级",
                            "the parent (" + parent.get() + ") must stand above a " + pointLevel.get() + " point; a partner point is no parent"));
                }
            }
        }
        boolean partner = pointLevel.orElse(null) == PointLevel.PARTNER;
        if (partner && PartnerKind.read(partnerKind).isEmpty()) {
            problems.add(new Problem("partnerKind", "合作点须填写合作类型：BANK（社银）、POST（社邮）或 CLINIC（社医）",
                    "a partner point needs BANK, POST or CLINIC"));
        } else if (!partner && pointLevel.isPresent() && !blank(partnerKind)) {
            problems.add(new Problem("partnerKind", "只有合作点有合作类型", "only partner points have a partner kind"));
        }
        if (partner && (matters == null || matters.isEmpty())) {
            problems.add(new Problem("matters", "合作点须列出可办理的事项", "a partner point must list the matters it may handle"));
        }
        if (matters != null) {
            if (matters.size() > MAX_MATTERS) {
                problems.add(new Problem("matters", "可办事项最多" + MAX_MATTERS + "项", "at most " + MAX_MATTERS + " matters"));
            }
            for (int i = 0; i < matters.size(); i++) {
                String m = matters.get(i);
                if (m == null || !MATTER.matcher(m).matches()) {
                    problems.add(new Problem("matters[" + i + "]", "事项代码须为大写字母、数字和下划线，如 RETIREMENT",
                            "a matter key is capitals, digits and _, e.g. RETIREMENT"));
                }
            }
        }
        if ((lat == null) != (lng == null)) {
            problems.add(new Problem(lat == null ? "lat" : "lng", "经纬度须同时填写", "lat and lng go together"));
        }
        if (lat != null && (lat < 3 || lat > 54)) {
            problems.add(new Problem("lat", "纬度须在3到54之间（GCJ-02，境内）", "must be 3 to 54 (GCJ-02, in China)"));
        }
        if (lng != null && (lng < 73 || lng > 136)) {
            problems.add(new Problem("lng", "经度须在73到136之间（GCJ-02，境内）", "must be 73 to 136 (GCJ-02, in China)"));
        }
        tooLong(problems, "address", "地址", address, 200);
        tooLong(problems, "officeHours", "办公时间", officeHours, 100);
        tooLong(problems, "phone", "联系电话", phone, 40);
        return problems;
    }

    /** The point the draft describes (call only when it has no problems); its path is set by the registry. */
    ServicePoint toPoint() {
        ServicePoint p = new ServicePoint();
        p.setCode(code.trim());
        p.setName(name.trim());
        p.setPointLevel(PointLevel.read(level).orElseThrow());
        p.setParentCode(blank(parentCode) ? null : parentCode.trim());
        p.setPartnerKind(p.getPointLevel() == PointLevel.PARTNER ? PartnerKind.read(partnerKind).orElseThrow() : null);
        p.setMattersListed(matters != null && !matters.isEmpty());
        p.setMatters(p.isMattersListed() ? List.copyOf(new LinkedHashSet<>(matters)) : null);
        p.setAddress(trimmed(address));
        p.setLat(lat);
        p.setLng(lng);
        p.setOfficeHours(trimmed(officeHours));
        p.setPhone(trimmed(phone));
        p.setActive(active == null || active);
        return p;
    }

    private static void tooLong(List<Problem> problems, String field, String label, String value, int max) {
        if (value != null && value.trim().length() > max) {
            problems.add(new Problem(field, label + "最长" + max + "字", "at most " + max + " characters"));
        }
    }

    private static String trimmed(String s) {
        return blank(s) ? null : s.trim();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
