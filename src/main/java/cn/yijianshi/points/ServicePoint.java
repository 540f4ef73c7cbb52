package cn.yijianshi.points;

import java.util.List;

/**
 * One row of service_point: a place where the hall takes applications. {@code matters} is null when the point
 * handles every matter of the catalog, else the only matters it may handle (always a list for partner points).
 * Coordinates are GCJ-02, the datum of 高德 and 腾讯 maps.
 */
public class ServicePoint {
    private String code;
    private String name;
    private PointLevel pointLevel;
    private String parentCode;
    private String path;
    private PartnerKind partnerKind;
    private boolean mattersListed;
    private List<String> matters;
    private String address;
    private Double lat;
    private Double lng;
    private String officeHours;
    private String phone;
    private boolean active = true;
    private boolean needsReview;

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public PointLevel getPointLevel() { return pointLevel; }
    public void setPointLevel(PointLevel pointLevel) { this.pointLevel = pointLevel; }
    public String getParentCode() { return parentCode; }
    public void setParentCode(String parentCode) { this.parentCode = parentCode; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public PartnerKind getPartnerKind() { return partnerKind; }
    public void setPartnerKind(PartnerKind partnerKind) { this.partnerKind = partnerKind; }
    public boolean isMattersListed() { return mattersListed; }
    public void setMattersListed(boolean mattersListed) { this.mattersListed = mattersListed; }
    public List<String> getMatters() { return matters; }
    public void setMatters(List<String> matters) { this.matters = matters; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public Double getLat() { return lat; }
    public void setLat(Double lat) { this.lat = lat; }
    public Double getLng() { return lng; }
    public void setLng(Double lng) { this.lng = lng; }
    public String getOfficeHours() { return officeHours; }
    public void setOfficeHours(String officeHours) { this.officeHours = officeHours; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public boolean isNeedsReview() { return needsReview; }
    public void setNeedsReview(boolean needsReview) { this.needsReview = needsReview; }

    /** Whether a case of this matter may be accepted here. */
    public boolean handles(String matter) {
        return !mattersListed || (matters != null && matters.contains(matter));
    }
}
