package cn.yijianshi.window;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hall as its printed papers name it (受理回执, 一次性告知书, 不予受理告知书: name, phone) and the service point a
 * clerk of this node accepts for by default (yijianshi.window.*). The clerk's own point comes from the service-point
 * registry once it is there; until then every clerk of the node starts from this one and may change it on the page.
 */
@ConfigurationProperties(prefix = "yijianshi.window")
public record WindowStation(
        @DefaultValue("人社服务大厅") String hallName,
        @DefaultValue("12333") String hallPhone,
        @DefaultValue("SP-001") String servicePointCode,
        @DefaultValue("人社服务大厅综合窗口") String servicePointName) {
}
