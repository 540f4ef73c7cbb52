package cn.yijianshi.points;

import java.util.List;

import cn.yijianshi.catalog.MatterNames;

/**
 * A point as the API shows it: codes with their Chinese names; {@code matters} null when the point handles every
 * matter of the catalog; {@code distanceMeters} only in answers to {@code near}.
 */
public record PointView(String code, String name, PointLevel level, String levelName, String parentCode, String path,
                        PartnerKind partnerKind, String partnerKindName, List<MatterName> matters, String address,
                        Double lat, Double lng, String coordinateSystem, String officeHours, String phone, boolean active,
                        boolean needsReview, Long distanceMeters) {

    /** A matter key and its Chinese name (the key again when the catalog does not have the matter yet). */
    public record MatterName(String key, String name) {
    }

    static PointView of(ServicePoint p, Long distanceMeters) {
        List<MatterName> matters = p.isMattersListed() && p.getMatters() != null
                ? p.getMatters().stream().map(m -> new MatterName(m, MatterNames.of(m))).toList() : null;
        return new PointView(p.getCode(), p.getName(), p.getPointLevel(), p.getPointLevel().displayName(), p.getParentCode(),
                p.getPath(), p.getPartnerKind(), p.getPartnerKind() == null ? null : p.getPartnerKind().displayName(), matters,
                p.getAddress(), p.getLat(), p.getLng(), p.getLat() == null ? null : "GCJ-02", p.getOfficeHours(), p.getPhone(),
                p.isActive(), p.isNeedsReview(), distanceMeters);
    }
}
