package cn.yijianshi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.yijianshi.HallIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** How lists and messages name hall users: one user, a user already read, and a list's users read together. */
@HallIntegrationTest
class HallUserNamesTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identityService;

    @Test
    void aUserIsNamedByFirstNameAndIdAndAnUnknownIdByItself() {
        assertThat(HallUserNames.of(engine, "archives1")).isEqualTo("赵磊（archives1）");
        assertThat(HallUserNames.of(engine, "no-such-user")).isEqualTo("no-such-user");
        assertThat(HallUserNames.of(engine, (String) null)).isEmpty();
        User read = identityService.createUserQuery().userId("pension1").singleResult();
        assertThat(HallUserNames.of(read)).isEqualTo("张伟（pension1）");
    }

    @Test
    void aListsUsersAreNamedTogetherAsOneByOne() {
        Map<String, String> names = HallUserNames.of(engine,
                Arrays.asList("archives1", null, "pension1", "no-such-user", "archives1", "expert1"));
        assertThat(names).containsExactlyInAnyOrderEntriesOf(Map.of(
                "archives1", "赵磊（archives1）",
                "pension1", "张伟（pension1）",
                "expert1", "王建国（expert1）",
                "no-such-user", "no-such-user"));
        names.forEach((id, name) -> assertThat(name).isEqualTo(HallUserNames.of(engine, id)));
        assertThat(HallUserNames.of(engine, List.of())).isEmpty();
    }

    @Test
    void aUserWithoutAFirstNameIsNamedByIdAndManyUsersTakeSeveralReads() {
        User nameless = identityService.newUser("nameless1");
        identityService.saveUser(nameless);
        try {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < HallUserNames.PER_READ + 5; i++) {
                ids.add("nobody-" + i);
            }
            ids.add("nameless1");
            ids.add("window1");
            Map<String, String> names = HallUserNames.of(engine, ids);
            assertThat(names).hasSize(HallUserNames.PER_READ + 7);
            assertThat(names).as("window1 comes in the second read").containsEntry("window1", "李敏（window1）")
                    .containsEntry("nameless1", "nameless1").containsEntry("nobody-3", "nobody-3");
        } finally {
            identityService.deleteUser("nameless1");
        }
    }
}
