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
 * have yet; add its key to the point's matters (in the data file) when it comes.
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "yijianshi.demo-users", havingValue = "true")
public class DemoServicePoints implements IdentityStartup {

    record File(String source, List<PointDraft> points) {
    }

    /** The demo points (src/main/resources/demo/service-points.json: data, so no matter key is written in Java). */
    static final List<PointDraft> POINTS = read();

    private static List<PointDraft> read() {
        try (var in = DemoServicePoints.class.getResourceAsStream("/demo/service-points.json")) {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(in, File.class).points();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read demo/service-points.json", e);
        }
    }

    private final ServicePointRegistry registry;
    private final StaffPoints staff;

    public DemoServicePoints(ServicePointRegistry registry, StaffPoints staff) {
        this.registry = registry;
        this.staff = staff;
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
        // 码上办审核组's demo reviewer accepts online applications as cases of the hall's main point.
        if (staff.pointOf("online1").isEmpty()) {
            staff.assign("online1", "SP-001", "demo");
        }
    }
}
