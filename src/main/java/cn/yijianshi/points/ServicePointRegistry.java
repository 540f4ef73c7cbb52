package cn.yijianshi.points;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.yijianshi.system.ApiProblem;
import cn.yijianshi.system.RefusedRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hall's service points: registered one at a time or imported whole, looked up for intake, listed by matter,
 * level and place (nearest first). A point's place in the hierarchy is its path of codes, kept right when it moves.
 */
@Service
public class ServicePointRegistry {

    /** How many rows go into one INSERT: 500 points of 14 values stay well under MySQL's 65,535 placeholders. */
    static final int CHUNK = 500;
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private final ServicePointMapper mapper;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    public ServicePointRegistry(ServicePointMapper mapper, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.mapper = mapper;
        this.jdbc = jdbc;
    }

    /** A point with its matters, or empty. */
    public Optional<ServicePoint> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        ServicePoint point = mapper.find(code);
        if (point != null && point.isMattersListed()) {
            point.setMatters(mapper.mattersOf(code));
        }
        return Optional.ofNullable(point);
    }

    public ServicePoint require(String field, String code) {
        return find(code).orElseThrow(() -> RefusedRequest.notFound(field, "没有这个服务网点：" + code, "no such service point: " + code));
    }

    /** Registers a new point (409 when the code is taken). */
    @Transactional
    public ServicePoint register(PointDraft draft) {
        refuseProblems(draft);
        if (mapper.find(draft.code().trim()) != null) {
            throw RefusedRequest.conflict("code", "网点代码已存在：" + draft.code(), "a point with this code exists: " + draft.code());
        }
        ServicePoint point = draft.toPoint();
        point.setPath(pathUnder(point.getParentCode()) + point.getCode() + "/");
        write(List.of(point));
        return point;
    }

    /** Replaces a point's facts (its children move with it); a point an administrator saves is no longer to be checked. */
    @Transactional
    public ServicePoint replace(String code, PointDraft draft) {
        ServicePoint old = require("code", code);
        if (!code.equals(draft.code())) {
            throw RefusedRequest.badInput("code", "网点代码不能修改（路径中为 " + code + "）", "the code cannot change (the path says " + code + ")");
        }
        refuseProblems(draft, true);
        ServicePoint point = draft.toPoint();
        for (String child : mapper.childLevels(code)) {
            if (!point.getPointLevel().mayParent(PointLevel.valueOf(child))) {
                throw RefusedRequest.badInput("level", "本网点下有" + PointLevel.valueOf(child).displayName() + "网点，层级须高于它们",
                        "the point has " + child + " points under it: its level must stand above theirs");
            }
        }
        String newPath = pathUnder(point.getParentCode()) + point.getCode() + "/";
        if (newPath.startsWith(old.getPath()) && !newPath.equals(old.getPath())) {
            throw RefusedRequest.badInput("parentCode", "上级网点不能是本网点的下级", "the parent cannot be one of the point's own descendants");
        }
        point.setPath(newPath);
        mapper.deleteMatters(List.of(code));
        mapper.deleteAll(List.of(code));
        write(List.of(point));
        if (!newPath.equals(old.getPath())) {
            move(old.getPath(), newPath);
        }
        return point;
    }

    /** Every path under {@code oldPath} (the point itself included) moves under {@code newPath}. */
    void move(String oldPath, String newPath) {
        mapper.movePaths(oldPath, subtree(oldPath), newPath);
    }

    /**
     * The LIKE pattern of a point's subtree: its path with LIKE's own characters escaped (codes typed before the
     * registry may hold _ or %), then %. Backslash is the default escape character of both H2 and MySQL/MariaDB.
     */
    public static String subtree(String path) {
        return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private void refuseProblems(PointDraft draft) {
        refuseProblems(draft, false);
    }

    /** {@code registered}: the code is already in the registry (a code typed before it may not follow today's rule). */
    private void refuseProblems(PointDraft draft, boolean registered) {
        List<PointDraft.Problem> problems = new ArrayList<>(draft.problems(this::levelOf));
        problems.removeIf(p -> registered && p.field().equals("code"));
        if (!problems.isEmpty()) {
            List<ApiProblem.FieldError> errors = problems.stream()
                    .map(p -> new ApiProblem.FieldError(p.field(), p.message(), p.messageEn())).toList();
            throw new PointRefused(ApiProblem.of(org.springframework.http.HttpStatus.BAD_REQUEST, errors));
        }
    }

    private Optional<PointLevel> levelOf(String code) {
        return Optional.ofNullable(mapper.find(code)).map(ServicePoint::getPointLevel);
    }

    private String pathUnder(String parentCode) {
        return parentCode == null ? "/" : mapper.find(parentCode).getPath();
    }

    /**
     * Inserts points (their paths set) and their matter lists, {@link #CHUNK} rows per statement: one prepared
     * multi-row INSERT of placeholders (the values are bound, never written into the SQL). MyBatis' foreach took
     * seconds to build such statements for 20,000 points; this takes a fraction of one.
     */
    void write(List<ServicePoint> points) {
        for (int i = 0; i < points.size(); i += CHUNK) {
            List<ServicePoint> chunk = points.subList(i, Math.min(points.size(), i + CHUNK));
            List<Object> values = new ArrayList<>(chunk.size() * 14);
            for (ServicePoint p : chunk) {
                values.addAll(java.util.Arrays.asList(p.getCode(), p.getName(), p.getPointLevel().name(), p.getParentCode(),
                        p.getPath(), p.getPartnerKind() == null ? null : p.getPartnerKind().name(), p.isMattersListed(),
                        p.getAddress(), p.getLat(), p.getLng(), p.getOfficeHours(), p.getPhone(), p.isActive(), p.isNeedsReview()));
            }
            jdbc.update(rows(INSERT_POINTS, POINT_ROW, chunk.size()), values.toArray());
        }
        List<Object> matters = new ArrayList<>();
        for (ServicePoint p : points) {
            if (p.isMattersListed()) {
                p.getMatters().forEach(m -> {
                    matters.add(p.getCode());
                    matters.add(m);
                });
            }
        }
        for (int i = 0; i < matters.size(); i += 2 * CHUNK) {
            List<Object> chunk = matters.subList(i, Math.min(matters.size(), i + 2 * CHUNK));
            jdbc.update(rows(INSERT_MATTERS, "(?, ?)", chunk.size() / 2), chunk.toArray());
        }
    }

    private static final String INSERT_POINTS = "INSERT INTO service_point (code, name, point_level, parent_code, path, "
            + "partner_kind, matters_listed, address, lat, lng, office_hours, phone, active, needs_review) VALUES ";
    private static final String POINT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_MATTERS = "INSERT INTO service_point_matter (point_code, matter) VALUES ";

    private static String rows(String insert, String row, int count) {
        return insert + String.join(", ", java.util.Collections.nCopies(count, row));
    }

    /** Points by level, matter and place in the hierarchy (a point and everything under it), in hierarchy order. */
    public List<ServicePoint> list(PointLevel level, String matter, String under, int limit) {
        String pattern = under == null ? null : subtree(require("under", under).getPath());
        return withMatters(mapper.list(level, matter, pattern, limit));
    }

    /** A point and how far it is, in metres. */
    public record Distant(ServicePoint point, long distanceMeters) {
    }

    /**
     * The active points that handle the matter, nearest first: a box around the place is searched (5 km, then
     * wider, up to 300 km) until it holds {@code limit} points, then the great-circle (haversine) distance sorts
     * them. GCJ-02 shifts points by a few hundred metres against WGS-84, the same way nearby, so distances between
     * two GCJ-02 places are good to well under 1 %.
     */
    public List<Distant> nearest(double lat, double lng, String matter, PointLevel level, int limit) {
        List<Distant> found = List.of();
        for (double radius = 5_000; radius <= 320_000; radius *= 2) {
            double dLat = Math.toDegrees(radius / EARTH_RADIUS_M);
            double dLng = Math.toDegrees(radius / (EARTH_RADIUS_M * Math.cos(Math.toRadians(Math.min(Math.abs(lat) + dLat, 89)))));
            List<ServicePoint> box = mapper.inBox(matter, level, lat - dLat, lat + dLat, lng - dLng, lng + dLng);
            final double r = radius;
            found = box.stream().map(p -> new Distant(p, Math.round(haversine(lat, lng, p.getLat(), p.getLng()))))
                    .filter(d -> d.distanceMeters() <= r).sorted(Comparator.comparingLong(Distant::distanceMeters)).toList();
            if (found.size() >= limit) {
                break;
            }
        }
        List<Distant> nearest = found.subList(0, Math.min(limit, found.size()));
        withMatters(nearest.stream().map(Distant::point).toList());
        return nearest;
    }

    static double haversine(double lat1, double lng1, double lat2, double lng2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLng / 2), 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(a));
    }

    private List<ServicePoint> withMatters(List<ServicePoint> points) {
        List<String> listed = points.stream().filter(ServicePoint::isMattersListed).map(ServicePoint::getCode).toList();
        Map<String, List<String>> matters = new HashMap<>();
        for (int i = 0; i < listed.size(); i += CHUNK) {
            for (Map<String, Object> row : mapper.mattersOfAll(listed.subList(i, Math.min(listed.size(), i + CHUNK)))) {
                matters.computeIfAbsent(value(row, "point_code"), c -> new ArrayList<>()).add(value(row, "matter"));
            }
        }
        points.stream().filter(ServicePoint::isMattersListed).forEach(p -> p.setMatters(matters.getOrDefault(p.getCode(), List.of())));
        return points;
    }

    /** H2 answers map keys in capitals, MySQL as written. */
    static String value(Map<String, Object> row, String column) {
        Object v = row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
        return v == null ? null : v.toString();
    }

    /** The levels and paths of those of {@code codes} that are registered. */
    Map<String, ServicePoint> existing(Set<String> codes) {
        Map<String, ServicePoint> found = new LinkedHashMap<>();
        List<String> all = List.copyOf(codes);
        for (int i = 0; i < all.size(); i += CHUNK) {
            mapper.levelsOf(all.subList(i, Math.min(all.size(), i + CHUNK))).forEach(p -> found.put(p.getCode(), p));
        }
        return found;
    }

    ServicePointMapper mapper() {
        return mapper;
    }
}
