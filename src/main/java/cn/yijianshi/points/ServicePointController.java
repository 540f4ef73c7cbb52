package cn.yijianshi.points;

import java.net.URI;
import java.util.List;

import cn.yijianshi.catalog.MatterCatalog;
import cn.yijianshi.system.RefusedRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 服务网点: anyone logged in looks points up (the window, the map of nearby points); administrators keep them. */
@RestController
public class ServicePointController {

    static final String ADMIN = "hasAuthority('GROUP_camunda-admin')";
    static final int MAX_LIST = 1000;

    private final ServicePointRegistry registry;
    private final MatterCatalog matters;

    public ServicePointController(ServicePointRegistry registry, MatterCatalog matters) {
        this.registry = registry;
        this.matters = matters;
    }

    @PostMapping("/api/service-points")
    @PreAuthorize(ADMIN)
    public ResponseEntity<PointView> register(@RequestBody PointDraft draft) {
        ServicePoint point = registry.register(draft);
        return ResponseEntity.created(URI.create("/api/service-points/" + point.getCode())).body(PointView.of(point, null));
    }

    /** Saves a point's facts (close it with "active": false); its children move with it. */
    @PutMapping("/api/service-points/{code}")
    @PreAuthorize(ADMIN)
    public PointView replace(@PathVariable String code, @RequestBody PointDraft draft) {
        return PointView.of(registry.replace(code, draft), null);
    }

    @GetMapping("/api/service-points/{code}")
    public PointView get(@PathVariable String code) {
        return PointView.of(registry.require("code", code), null);
    }

    /**
     * Points that handle {@code matter}, of {@code level}, under the point {@code under} (itself included); with
     * {@code near=lat,lng} (GCJ-02) the open ones nearest first, with their distance.
     */
    @GetMapping("/api/service-points")
    public List<PointView> list(@RequestParam(required = false) String matter, @RequestParam(required = false) String level,
                                @RequestParam(required = false) String near, @RequestParam(required = false) String under,
                                @RequestParam(required = false) Integer limit) {
        String matterKey = matter == null || matter.isBlank() ? null : matter.trim();
        if (matterKey != null && matters.find(matterKey).isEmpty()) {
            throw RefusedRequest.badInput("matter", "没有这个事项：" + matter, "no such matter: " + matter);
        }
        PointLevel pointLevel = null;
        if (level != null && !level.isBlank()) {
            pointLevel = PointLevel.read(level).orElseThrow(() -> RefusedRequest.badInput("level",
                    "层级须为 CITY、DISTRICT、TOWN、COMMUNITY 或 PARTNER", "must be CITY, DISTRICT, TOWN, COMMUNITY or PARTNER"));
        }
        int max = limit == null ? (near == null ? 100 : 10) : limit;
        if (max < 1 || max > MAX_LIST) {
            throw RefusedRequest.badInput("limit", "limit 须在1到" + MAX_LIST + "之间", "must be 1 to " + MAX_LIST);
        }
        if (near == null || near.isBlank()) {
            return registry.list(pointLevel, matterKey, under == null || under.isBlank() ? null : under.trim(), max).stream()
                    .map(p -> PointView.of(p, null)).toList();
        }
        double[] place = place(near);
        return registry.nearest(place[0], place[1], matterKey, pointLevel, max).stream()
                .map(d -> PointView.of(d.point(), d.distanceMeters())).toList();
    }

    private static double[] place(String near) {
        String[] parts = near.split(",");
        try {
            double lat = Double.parseDouble(parts[0].trim());
            double lng = Double.parseDouble(parts[1].trim());
            if (parts.length == 2 && lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180) {
                return new double[] {lat, lng};
            }
        } catch (RuntimeException e) {
            // answered below
        }
        throw RefusedRequest.badInput("near", "near 须为「纬度,经度」（GCJ-02），如 29.5372,106.5440",
                "must be lat,lng (GCJ-02), e.g. 29.5372,106.5440");
    }

    @ExceptionHandler(PointRefused.class)
    ResponseEntity<Object> refused(PointRefused e) {
        return ResponseEntity.badRequest().body(e.body());
    }
}
