package cn.yijianshi.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@HallIntegrationTest
class ServicePointRegistryApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private ResponseEntity<Map<String, Object>> importSheet(byte[] workbook) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(XLSX);
        return http.withBasicAuth("demo", "demo").exchange("/api/admin/service-points/import", HttpMethod.POST,
                new HttpEntity<>(workbook, headers), JSON);
    }

    private ResponseEntity<Map<String, Object>> register(String user, Map<String, Object> point) {
        return http.withBasicAuth(user, user).exchange("/api/service-points", HttpMethod.POST, new HttpEntity<>(point), JSON);
    }

    private ResponseEntity<Map<String, Object>> intake(Map<String, Object> body) {
        return http.withBasicAuth("window1", "window1").exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(body), JSON);
    }

    private long cases() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM hall_case", Long.class);
    }

    private static Map<String, Object> point(String code, String name, String level, Object... more) {
        Map<String, Object> p = new HashMap<>(Map.of("code", code, "name", name, "level", level));
        for (int i = 0; i < more.length; i += 2) {
            p.put((String) more[i], more[i + 1]);
        }
        return p;
    }

    @Test
    void chongqingsFiveLevelsOf13357PointsComeInFromOneWorkbook() throws Exception {
        byte[] workbook = RegistrySheets.network("CQT-", RegistrySheets.CHONGQING);

        long start = System.nanoTime();
        ResponseEntity<Map<String, Object>> answer = importSheet(workbook);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("[registry] imported 13,357 points (%d KB workbook) in %d ms%n", workbook.length / 1024, millis);

        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsEntry("imported", 13_357).containsEntry("created", 13_357);
        Map<String, Long> perLevel = new HashMap<>();
        jdbc.query("SELECT point_level, COUNT(*) FROM service_point WHERE code LIKE 'CQT-%' GROUP BY point_level",
                rs -> { perLevel.put(rs.getString(1), rs.getLong(2)); });
        assertThat(perLevel).containsExactlyInAnyOrderEntriesOf(Map.of("CITY", 4L, "DISTRICT", 172L, "TOWN", 1176L,
                "COMMUNITY", 9621L, "PARTNER", 2384L));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM service_point_matter WHERE point_code LIKE 'CQT-%'", Long.class))
                .isEqualTo(2384L * 25);
        // a village sits under its town, district and city: the district sees it
        assertThat(jdbc.queryForObject("SELECT path FROM service_point WHERE code = 'CQT-V4000'", String.class))
                .as("village 4000 under town 4000 %% 1176, district 472 %% 172, city 128 %% 4")
                .isEqualTo("/CQT-C0/CQT-D128/CQT-T472/CQT-V4000/");
        List<Map<String, Object>> underDistrict = http.withBasicAuth("window1", "window1").exchange(
                "/api/service-points?under=CQT-D0&limit=1000", HttpMethod.GET, null, LIST).getBody();
        assertThat(underDistrict).extracting(p -> p.get("code")).contains("CQT-D0", "CQT-T0", "CQT-T172", "CQT-V0", "CQT-P0");
        assertThat(underDistrict).allSatisfy(p -> assertThat((String) p.get("path")).startsWith("/CQT-C0/CQT-D0/"));
    }

    @Test
    void aBadRowIsReportedByRowNumberAndFieldAndNothingOfTheSheetIsImported() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM service_point", Long.class);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("BAD-D1", "坏表区人社局", "区县", "", "", "", "某地", 29.5, 106.5));
        rows.add(List.of("BAD-T1", "坏表镇便民服务中心", "镇街", "BAD-D1", "", "", "某地", "北纬29度", 106.5));
        rows.add(List.of("BAD-P1", "坏表邮政所", "合作点", "BAD-T1", "社邮", "", "某地", 29.5, 106.5));
        rows.add(List.of("BAD-V1", "坏表村", "村社区", "NO-SUCH", "", "", "", "", ""));

        ResponseEntity<Map<String, Object>> answer = importSheet(RegistrySheets.workbook(rows));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).containsEntry("field", "file").containsEntry("imported", 0);
        assertThat((String) answer.getBody().get("message")).contains("第3行", "纬度", "未导入");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.getBody().get("errors");
        assertThat(errors).extracting(e -> e.get("row") + ":" + e.get("field"))
                .containsExactly("3:lat", "4:matters", "5:parentCode");
        assertThat(errors).allSatisfy(e -> {
            assertThat((String) e.get("message")).containsPattern("\\p{IsHan}");
            assertThat((String) e.get("messageEn")).containsPattern("[a-z]{3,}");
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM service_point", Long.class)).isEqualTo(before);
    }

    @Test
    void onlyAdministratorsKeepTheRegistry() throws Exception {
        assertThat(register("window1", point("NOPE-01", "不该有的网点", "DISTRICT")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(XLSX);
        assertThat(http.withBasicAuth("window1", "window1").exchange("/api/admin/service-points/import", HttpMethod.POST,
                new HttpEntity<>(RegistrySheets.workbook(List.of()), headers), JSON).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM service_point WHERE code = 'NOPE-01'", Long.class)).isZero();
    }

    @Test
    void aPartnerPointRefusesAMatterOutsideItsListAndSaysWhatItMayHandle() {
        long before = cases();
        Map<String, Object> body = TestCitizens.retirementIntake("王大爷", TestCitizens.RETIRING_MAN);
        body.put("channel", "PARTNER_POINT");
        body.put("servicePoint", Map.of("code", "BN-P-0001"));

        ResponseEntity<Map<String, Object>> answer = intake(body);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).containsEntry("field", "servicePoint");
        assertThat((String) answer.getBody().get("message")).contains("巴南区百节邮政所", "不能受理退休一件事", "可办理",
                "SOCIAL_SECURITY_CARD");
        assertThat((String) answer.getBody().get("messageEn")).contains("may handle: SOCIAL_SECURITY_CARD");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void anUnknownOrClosedPointTakesNoCase() {
        long before = cases();
        Map<String, Object> body = TestCitizens.retirementIntake("李大妈", TestCitizens.RETIRING_MAN);
        body.put("servicePoint", Map.of("code", "NO-SUCH-POINT", "name", "随便写的网点"));
        ResponseEntity<Map<String, Object>> unknown = intake(body);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).containsEntry("field", "servicePoint");

        assertThat(register("demo", point("CLOSED-01", "已撤并的街道服务站", "TOWN")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> closing = http.withBasicAuth("demo", "demo").exchange("/api/service-points/CLOSED-01",
                HttpMethod.PUT, new HttpEntity<>(point("CLOSED-01", "已撤并的街道服务站", "TOWN", "active", false)), JSON);
        assertThat(closing.getStatusCode()).isEqualTo(HttpStatus.OK);
        body.put("servicePoint", Map.of("code", "CLOSED-01"));
        ResponseEntity<Map<String, Object>> closed = intake(body);
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(closed.getBody()).containsEntry("field", "servicePoint");
        assertThat((String) closed.getBody().get("message")).contains("已关闭");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void withoutAPointTheClerksOwnIsTakenAndATypedNameIsNotTrusted() {
        Map<String, Object> body = TestCitizens.retirementIntake("刘大爷", TestCitizens.RETIRING_MAN);
        body.remove("servicePoint");
        ResponseEntity<Map<String, Object>> mine = intake(body);
        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForMap("SELECT service_point_code, service_point_name FROM hall_case WHERE case_id = ?",
                mine.getBody().get("caseId"))).containsValues("SP-001", "丰台区人社服务大厅");

        body.put("servicePoint", Map.of("code", "FT-01", "name", "写错的名字"));
        ResponseEntity<Map<String, Object>> typed = intake(body);
        assertThat(typed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForMap("SELECT service_point_code, service_point_name FROM hall_case WHERE case_id = ?",
                typed.getBody().get("caseId"))).containsValues("FT-01", "丰台区社保中心");

        Map<String, Object> own = http.withBasicAuth("window1", "window1").exchange("/api/staff-points/me", HttpMethod.GET,
                null, JSON).getBody();
        assertThat(own).containsEntry("code", "SP-001").containsEntry("levelName", "区县");
    }

    @Test
    void theNearestPointsThatHandleAMatterComeFirst() {
        assertThat(register("demo", point("XJ-01", "天山区人社局", "DISTRICT", "lat", 43.80, "lng", 87.60)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(register("demo", point("XJ-P-01", "天山区社银合作点", "PARTNER", "parentCode", "XJ-01", "partnerKind", "BANK",
                "matters", List.of("RETIREMENT"), "lat", 43.81, "lng", 87.61)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(register("demo", point("XJ-P-02", "天山区社邮合作点", "PARTNER", "parentCode", "XJ-01", "partnerKind", "POST",
                "matters", List.of("SOCIAL_SECURITY_CARD"), "lat", 43.8006, "lng", 87.6006)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(register("demo", point("XJ-02", "天山区已关闭服务站", "TOWN", "parentCode", "XJ-01", "lat", 43.8005,
                "lng", 87.6005, "active", false)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(register("demo", point("XJ-03", "乌鲁木齐县人社局", "DISTRICT", "lat", 43.47, "lng", 87.40)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        List<Map<String, Object>> nearest = http.withBasicAuth("window1", "window1").exchange(
                "/api/service-points?matter=RETIREMENT&near=43.8005,87.6005&limit=5", HttpMethod.GET, null, LIST).getBody();

        assertThat(nearest).extracting(p -> p.get("code")).containsExactly("XJ-01", "XJ-P-01", "XJ-03");
        assertThat(nearest).extracting(p -> ((Number) p.get("distanceMeters")).longValue())
                .satisfies(d -> assertThat(d.get(0)).isBetween(50L, 90L))
                .satisfies(d -> assertThat(d.get(1)).isBetween(1200L, 1500L))
                .satisfies(d -> assertThat(d.get(2)).isBetween(38_000L, 42_000L));
        assertThat(nearest.get(1)).containsEntry("partnerKindName", "社银").containsEntry("coordinateSystem", "GCJ-02");

        Map<String, Object> body = TestCitizens.retirementIntake("买买提", TestCitizens.RETIRING_MAN);
        body.put("channel", "PARTNER_POINT");
        body.put("servicePoint", Map.of("code", "XJ-P-01"));
        ResponseEntity<Map<String, Object>> accepted = intake(body);
        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aPointsParentMustStandAboveIt() {
        ResponseEntity<Map<String, Object>> answer = register("demo", point("UP-T1", "倒挂的镇", "TOWN", "parentCode", "BN-P-0001"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).containsEntry("field", "parentCode");
        ResponseEntity<Map<String, Object>> partner = register("demo", point("UP-P1", "没有事项的合作点", "PARTNER", "partnerKind", "BANK"));
        assertThat(partner.getBody()).containsEntry("field", "matters");

        assertThat(register("demo", point("UP_D1", "上级区", "DISTRICT")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(register("demo", point("UP-D1", "上级区", "DISTRICT")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(register("demo", point("UP-T1", "下级镇", "TOWN", "parentCode", "UP-D1")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> demoted = http.withBasicAuth("demo", "demo").exchange("/api/service-points/UP-D1",
                HttpMethod.PUT, new HttpEntity<>(point("UP-D1", "上级区", "COMMUNITY")), JSON);
        assertThat(demoted.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(demoted.getBody()).containsEntry("field", "level");
    }
}
