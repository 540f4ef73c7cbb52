package cn.yijianshi.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hall presents itself in Camunda's web apps: the title beside each app's name, and the
 * notice line shown where Camunda Community Edition puts its own banner (yijianshi.hall.*).
 */
@ConfigurationProperties(prefix = "yijianshi.hall")
public record HallLook(
        @DefaultValue("人社一件事联办平台") String title,
        @DefaultValue("一窗受理 · 一次办结 · 承诺时限按工作日计算，请在到期日前办结") String notice,
        @DefaultValue("One window, one visit · time limits count working days: finish before the due date") String noticeEn) {
}
