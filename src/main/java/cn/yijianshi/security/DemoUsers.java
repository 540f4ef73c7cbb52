package cn.yijianshi.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo hall's people, created on first start of the default (H2) profile only, each with its
 * user name as password as in Camunda's own demo. Never on for production (mysql profile).
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "yijianshi.demo-users", havingValue = "true")
public class DemoUsers implements IdentityStartup {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    /**
     * Camunda's web apps show "first name, last name": the whole Chinese name goes first, the role after
     * it, so Tasklist reads 王建国（帮办专家）, never 建国（帮办专家） 王.
     */
    record DemoUser(String id, String name, String role, List<HallGroup> groups) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("window1", "李敏", "（综合窗口）", List.of(HallGroup.WINDOW)),
            new DemoUser("pension1", "张伟", "（社保经办）", List.of(HallGroup.DEPT_PENSION)),
            new DemoUser("pension2", "刘洋", "（社保经办）", List.of(HallGroup.DEPT_PENSION)),
            new DemoUser("medical1", "陈静", "（医保）", List.of(HallGroup.DEPT_MEDICAL)),
            new DemoUser("fund1", "杨帆", "（公积金）", List.of(HallGroup.DEPT_FUND)),
            new DemoUser("archives1", "赵磊", "（档案）", List.of(HallGroup.DEPT_ARCHIVES)),
            new DemoUser("expert1", "王建国", "（帮办专家）", List.of(HallGroup.EXPERTS)),
            new DemoUser("expert2", "孙丽华", "（帮办专家）", List.of(HallGroup.EXPERTS)),
            new DemoUser("coord1", "周强", "（值班主任）", List.of(HallGroup.COORDINATORS)),
            new DemoUser("manager1", "吴芳", "（管理者）", List.of(HallGroup.MANAGERS)),
            new DemoUser("liaison1", "郑浩", "（仲裁联络员）", List.of(HallGroup.ARBITRATION_LIAISON)),
            new DemoUser("demo", "演示管理员", "", List.of(HallGroup.values())));

    private final IdentityService identityService;

    public DemoUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void run() {
        for (DemoUser demo : USERS) {
            if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
                continue;
            }
            User user = identityService.newUser(demo.id());
            user.setLastName(demo.role());
            user.setFirstName(demo.name());
            user.setPassword(demo.id());
            user.setEmail(demo.id() + "@hall.example");
            identityService.saveUser(user);
            for (HallGroup group : demo.groups()) {
                identityService.createMembership(demo.id(), group.id());
            }
            log.info("created demo user {} in {}", demo.id(), demo.groups());
        }
    }
}
