package cn.yijianshi.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In production the first administrator comes from configuration (yijianshi.first-admin.id and
 * .password), and only while the hall has no administrator at all; nobody else is created.
 */
@Component
@Order(3)
public class FirstAdministrator implements IdentityStartup {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final IdentityService identityService;
    private final String id;
    private final String password;

    public FirstAdministrator(IdentityService identityService,
                              @Value("${yijianshi.first-admin.id:}") String id,
                              @Value("${yijianshi.first-admin.password:}") String password) {
        this.identityService = identityService;
        this.id = id;
        this.password = password;
    }

    @Override
    public void run() {
        if (identityService.createUserQuery().memberOfGroup(HallGroup.ADMIN.id()).count() > 0) {
            return;
        }
        if (id.isBlank() || password.isBlank()) {
            log.warn("没有系统管理员：请设置 YIJIANSHI_ADMIN_USER 和 YIJIANSHI_ADMIN_PASSWORD / "
                    + "no administrator yet: set YIJIANSHI_ADMIN_USER and YIJIANSHI_ADMIN_PASSWORD");
            return;
        }
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName("管理员");
            user.setLastName("系统");
            user.setPassword(password);
            identityService.saveUser(user);
        }
        identityService.createMembership(id, HallGroup.ADMIN.id());
        log.info("created first administrator {}", id);
    }
}
