package cn.yijianshi.points;

import java.util.List;

import cn.yijianshi.security.IdentityStartup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo hall's registry, from the seeds' own places, created with the demo users (never in production), and
 * window1 at SP-001. Points already registered are left as they are. Coordinates are approximate, GCJ-02.
 *
 * <p>BN-P-0001 may handle 社保卡 only for now: 重庆's list also has 待遇资格认证, a matter the catalog does not
 * have yet; add its key to the point's matters when it comes.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "yijianshi.demo-users", havingValue = "true")
public class DemoServicePoints implements IdentityStartup {

    static final List<PointDraft> POINTS = List.of(
            point("SP-001", "丰台区人社服务大厅", "DISTRICT", null, null, null, "北京市丰台区丰台北路", 39.8585, 116.2869),
            point("FT-01", "丰台区社保中心", "DISTRICT", null, null, null, "北京市丰台区", 39.8636, 116.2866),
            point("YZ-01", "仪征市人社局", "DISTRICT", null, null, null, "江苏省扬州市仪征市", 32.2721, 119.1843),
            point("JN-01", "景宁县社保中心", "DISTRICT", null, null, null, "浙江省丽水市景宁畲族自治县", 27.9739, 119.6356),
            point("ZF-01", "芝罘区人社综合服务大厅", "DISTRICT", null, null, null, "山东省烟台市芝罘区", 37.5406, 121.3982),
            point("BN-01", "巴南区人力社保局", "DISTRICT", null, null, null, "重庆市巴南区", 29.4025, 106.5404),
            point("BN-P-0001", "巴南区百节邮政所", "PARTNER", "BN-01", "POST", List.of("SOCIAL_SECURITY_CARD"),
                    "重庆市巴南区百节镇", 29.3376, 106.7076),
            point("BENCH-01", "压测网点", "DISTRICT", null, null, null, null, null, null));

    private final ServicePointRegistry registry;
    private final StaffPoints staff;

    public DemoServicePoints(ServicePointRegistry registry, StaffPoints staff) {
        this.registry = registry;
        this.staff = staff;
    }

    private static PointDraft point(String code, String name, String level, String parent, String kind, List<String> matters,
                                    String address, Double lat, Double lng) {
        return new PointDraft(code, name, level, parent, kind, matters, address, lat, lng, "周一至周五 09:00-12:00, 13:30-17:30",
                null, true);
    }

    @Override
    public void run() {
        for (PointDraft draft : POINTS) {
            if (registry.find(draft.code()).isEmpty()) {
                registry.register(draft);
            }
        }
        if (staff.pointOf("window1").isEmpty()) {
            staff.assign("window1", "SP-001", "demo");
        }
    }
}
