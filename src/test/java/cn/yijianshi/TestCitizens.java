package cn.yijianshi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.intake.ResidentIdNumber;

/** Made-up citizens with valid ID numbers, and intake bodies for them. */
public final class TestCitizens {

    /** A man born 1960-03-07 (sequence 123, odd = male): past his statutory age today. */
    public static final String RETIRING_MAN = ResidentIdNumber.withCheckCharacter("11010119600307123");
    /** A woman born 1975-06-15: F50 rules. */
    public static final String WOMAN_1975 = ResidentIdNumber.withCheckCharacter("11010519750615242");

    private TestCitizens() {
    }

    public static Map<String, Object> retirementIntake(String name, String idNumber) {
        Map<String, Object> body = new HashMap<>();
        body.put("matter", "RETIREMENT");
        body.put("applicant", new HashMap<>(Map.of("name", name, "idNumber", idNumber, "phone", "13800138000")));
        body.put("channel", "WINDOW");
        body.put("servicePoint", Map.of("code", "SP-001", "name", "丰台区人社服务大厅"));
        body.put("materials", List.of("ID_CARD", "HUKOU", "APPLICATION_FORM", "ARCHIVES"));
        body.put("priority", "NORMAL");
        body.put("retirement", new HashMap<>(Map.of("type", "NORMAL", "originalAge", 60, "contributionMonths", 360,
                "hasFundAccount", true)));
        return body;
    }
}
