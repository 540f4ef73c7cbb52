package cn.yijianshi.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallBrowser;
import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.TaskWork;
import cn.yijianshi.TestCitizens;
import cn.yijianshi.intake.CaseIntake;
import cn.yijianshi.intake.CaseIntakeRequest;
import cn.yijianshi.intake.CaseMapper;
import cn.yijianshi.intake.CaseStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** 办件查询 and the case view in Chromium: who sees which case, the one-time notice from the case view, 补正. */
@HallIntegrationTest
class CaseQueryPageTest {

    @Autowired
    cn.yijianshi.points.ServicePointRegistry registry;
    @Autowired
    cn.yijianshi.points.StaffPoints staffPoints;

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseMapper cases;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    TestRestTemplate http;

    @Test
    void anIncompleteCaseIsFoundPrintedAndMovedOnBySupplementFromTheCaseView() {
        Map<String, Object> body = TestCitizens.retirementIntake("孙志明", TestCitizens.RETIRING_MAN);
        body.put("materials", List.of("ID_CARD", "HUKOU", "APPLICATION_FORM"));
        String caseId = intake.accept(json.convertValue(body, CaseIntakeRequest.class), null, "window1").caseId();
        var review = taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("Task_ReviewMaterials").singleResult();
        TaskWork.claimAndComplete(identityService, taskService, review, "window1", List.of("window"),
                Map.of("materialsDecision", "INCOMPLETE"));

        try (HallBrowser browser = HallBrowser.open(port)) {
            browser.logIn("window1", "window1");
            browser.go("/cases");
            browser.driver().findElement(By.id("caseId")).sendKeys(caseId);
            browser.driver().findElement(By.id("find")).click();
            browser.waitForText(By.id("count"), "共 1 件", Duration.ofSeconds(20));
            assertThat(browser.driver().findElement(By.id("results")).getText()).contains(caseId, "退休一件事", "孙志明", "待补正材料");
            browser.screenshot("cases-search");
            browser.driver().findElement(By.linkText(caseId)).click();
            browser.waitForText(By.id("status"), "待补正材料", Duration.ofSeconds(20));
            String view = browser.pageText();
            assertThat(view).contains("人事档案", "审核材料", "综合窗口", "一次性告知", "138****8000")
                    .doesNotContain(TestCitizens.RETIRING_MAN);
            assertThat(browser.driver().findElement(By.id("print-materials-notice")).getAttribute("href"))
                    .endsWith("/cases/" + caseId + "/print/materials-notice");
            browser.screenshot("case-view-waiting");

            browser.driver().findElement(By.cssSelector("#supplement-list input[value=ARCHIVES]")).click();
            browser.driver().findElement(By.id("supply")).click();
            browser.waitForText(By.id("status"), "已受理", Duration.ofSeconds(20));
        }
        assertThat(cases.findByCaseId(caseId).getStatus()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(cases.materialCodes(caseId)).contains("ARCHIVES");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("Task_ReviewMaterials")
                .count()).as("the supplied case is reviewed again").isEqualTo(1);
    }

    @Test
    void aClerkOfAnotherServicePointAndADepartmentWithoutAStepCannotOpenTheCase() {
        String caseId = intake.accept(json.convertValue(TestCitizens.retirementIntake("周晓梅", TestCitizens.RETIRING_MAN),
                CaseIntakeRequest.class), null, "window1").caseId();
        User clerk = identityService.newUser("window9");
        clerk.setFirstName("外网点");
        clerk.setLastName("窗口");
        clerk.setPassword("window9");
        identityService.saveUser(clerk);
        identityService.createMembership("window9", "window");
        try {
            // window9 works at another point of the registry.
            if (registry.find("SP-009").isEmpty()) {
                registry.register(new cn.yijianshi.points.PointDraft("SP-009", "石景山区人社服务大厅", "DISTRICT", null, null,
                        null, null, null, null, null, null, true));
            }
            staffPoints.assign("window9", "SP-009", "test");
            Map<String, Object> other = TestCitizens.retirementIntake("吴海", TestCitizens.RETIRING_MAN);
            other.put("servicePoint", Map.of("code", "SP-009", "name", "石景山区人社服务大厅"));
            String theirs = intake.accept(json.convertValue(other, CaseIntakeRequest.class), null, "window9").caseId();

            assertThat(http.withBasicAuth("window9", "window9").exchange("/api/cases/" + caseId, HttpMethod.GET, null, JSON)
                    .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.withBasicAuth("window9", "window9").exchange("/api/cases/" + caseId + "/materials", HttpMethod.POST,
                    new org.springframework.http.HttpEntity<>(Map.of("materials", List.of("HUKOU"))), JSON).getStatusCode())
                    .as("补正 only where the clerk may see the case").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.withBasicAuth("window9", "window9").exchange("/api/cases/" + theirs, HttpMethod.GET, null, JSON)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(http.withBasicAuth("window9", "window9").exchange("/api/cases?caseId=" + caseId, HttpMethod.GET, null, LIST)
                    .getBody()).isEmpty();
            assertThat(http.withBasicAuth("window1", "window1").exchange("/api/cases/" + theirs, HttpMethod.GET, null, JSON)
                    .getStatusCode()).as("window1 works at SP-001").isEqualTo(HttpStatus.FORBIDDEN);
            // 社保经办 has no step in a case still in 审核材料; the coordinator sees every case.
            assertThat(http.withBasicAuth("pension1", "pension1").exchange("/api/cases/" + caseId, HttpMethod.GET, null, JSON)
                    .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.withBasicAuth("coord1", "coord1").exchange("/api/cases/" + caseId, HttpMethod.GET, null, JSON)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            // Once 审核材料 passes, 档案 has a step in the case and sees it, in the search too.
            assertThat(http.withBasicAuth("archives1", "archives1").exchange("/api/cases/" + caseId, HttpMethod.GET, null, JSON)
                    .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            var review = taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("Task_ReviewMaterials")
                    .singleResult();
            TaskWork.claimAndComplete(identityService, taskService, review, "window1", List.of("window"),
                    Map.of("materialsDecision", "COMPLETE"));
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseId).taskCandidateGroup("dept-archives").count())
                    .isEqualTo(1);
            assertThat(http.withBasicAuth("archives1", "archives1").exchange("/api/cases/" + caseId, HttpMethod.GET, null, JSON)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(http.withBasicAuth("archives1", "archives1").exchange("/api/cases?caseId=" + caseId, HttpMethod.GET, null, LIST)
                    .getBody()).singleElement().satisfies(row -> assertThat(row.get("steps").toString()).contains("档案"));
            assertThat(http.withBasicAuth("coord1", "coord1").exchange("/api/cases?idLast6=" + TestCitizens.RETIRING_MAN.substring(12),
                    HttpMethod.GET, null, LIST).getBody()).extracting(row -> row.get("caseId")).contains(caseId, theirs);

            try (HallBrowser browser = HallBrowser.open(port)) {
                browser.logIn("window9", "window9");
                browser.go("/cases/" + caseId);
                browser.waitForText(By.id("error"), "无权查看该办件", Duration.ofSeconds(20));
                browser.go("/cases/" + caseId + "/print/receipt");
                browser.waitForText(By.id("error"), "无权查看该办件", Duration.ofSeconds(20));
            }
        } finally {
            identityService.deleteMembership("window9", "window");
            identityService.deleteUser("window9");
        }
    }
}
