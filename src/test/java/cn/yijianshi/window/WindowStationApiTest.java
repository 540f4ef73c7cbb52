package cn.yijianshi.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import cn.yijianshi.points.StaffPoints;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

/** The window's station is the clerk's point in the registry, with the matters it may handle (the page offers only those). */
@HallIntegrationTest
class WindowStationApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identityService;
    @Autowired
    StaffPoints staffPoints;

    @SuppressWarnings("unchecked")
    private Map<String, Object> pointOf(String user) {
        return (Map<String, Object>) http.withBasicAuth(user, user).exchange("/api/window/station", HttpMethod.GET, null, JSON)
                .getBody().get("servicePoint");
    }

    @Test
    void aClerkAtAPartnerPointIsOfferedOnlyItsPermittedMatters() {
        if (identityService.createUserQuery().userId("postclerk1").count() == 0) {
            var user = identityService.newUser("postclerk1");
            user.setFirstName("邮政所柜员");
            user.setPassword("postclerk1");
            identityService.saveUser(user);
            identityService.createMembership("postclerk1", "window");
        }
        staffPoints.assign("postclerk1", "BN-P-0001", "test");

        assertThat(pointOf("postclerk1")).containsEntry("code", "BN-P-0001").containsEntry("name", "巴南区百节邮政所")
                .containsEntry("matters", java.util.List.of("SOCIAL_SECURITY_CARD"));
        assertThat(pointOf("window1")).containsEntry("code", "SP-001").containsEntry("matters", null);
    }
}
