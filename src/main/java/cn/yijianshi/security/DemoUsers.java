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
    record DemoUser(String id, String name, String role, List<String> groups) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("window1", "李敏", "（综合窗口）", List.of(HallGroup.WINDOW.id())),
            new DemoUser("pension1", "张伟", "（社保经办）", List.of("dept-pension")),
            new DemoUser("pension2", "刘洋", "（社保经办）", List.of("dept-pension")),
            // 部门负责人: works in the department and may chase its tasks (催办)
            new DemoUser("pensionhead1", "马琳", "（社保经办负责人）", List.of("dept-pension", "dept-pension-heads")),
            new DemoUser("medical1", "陈静", "（医保）", List.of("dept-medical")),
            new DemoUser("fund1", "杨帆", "（公积金）", List.of("dept-fund")),
            new DemoUser("archives1", "赵磊", "（档案）", List.of("dept-archives")),
            new DemoUser("employment1", "黄蕾", "（就业服务）", List.of("dept-employment")),
            new DemoUser("unemployment1", "何斌", "（失业保险）", List.of("dept-unemployment")),
            new DemoUser("card1", "林晓", "（社保卡）", List.of("dept-card")),
            new DemoUser("expert1", "王建国", "（帮办专家）", List.of(HallGroup.EXPERTS.id())),
            new DemoUser("expert2", "孙丽华", "（帮办专家）", List.of(HallGroup.EXPERTS.id())),
            new DemoUser("coord1", "周强", "（值班主任）", List.of(HallGroup.COORDINATORS.id())),
            new DemoUser("manager1", "吴芳", "（管理者）", List.of(HallGroup.MANAGERS.id())),
            new DemoUser("leader1", "高明远", "（分管领导）", List.of(HallGroup.LEADERS.id())),
            new DemoUser("liaison1", "郑浩", "（仲裁联络员）", List.of(HallGroup.ARBITRATION_LIAISON.id())),
            new DemoUser("online1", "高雅", "（码上办审核组）", List.of(HallGroup.ONLINE_REVIEW.id())),
            new DemoUser("demo", "演示管理员", "", List.of()));

    private final IdentityService identityService;
    private final cn.yijianshi.catalog.Departments departments;

    public DemoUsers(IdentityService identityService, cn.yijianshi.catalog.Departments departments) {
        this.identityService = identityService;
        this.departments = departments;
    }

    /** The demo administrator is in every group: every role and every department of processes/departments.json. */
    private List<String> groupsOf(DemoUser demo) {
        if (!demo.groups().isEmpty()) {
            return demo.groups();
        }
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        for (HallGroup role : HallGroup.values()) {
            all.add(role.id());
        }
        all.addAll(departments.workingGroups());
        return List.copyOf(all);
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
            List<String> groups = groupsOf(demo);
            for (String group : groups) {
                identityService.createMembership(demo.id(), group);
            }
            log.info("created demo user {} in {}", demo.id(), groups);
        }
    }
}
