package cn.yijianshi.outreach;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.yijianshi.catalog.Matter;
import cn.yijianshi.catalog.MatterCatalog;
import cn.yijianshi.system.PersonalData;
import org.springframework.stereotype.Service;

/**
 * Looks invitations up: a resident's own (for 码上办 and any window, by ID number), the open ones of a service point
 * (the window's 待邀约办理), one by its number; and shows them as lists do, ID and phone masked.
 */
@Service
public class Invitations {

    static final int AT_POINT = 200;

    private final InvitationMapper mapper;
    private final MatterCatalog matters;
    private final OutreachScan scan;

    public Invitations(InvitationMapper mapper, MatterCatalog matters, OutreachScan scan) {
        this.mapper = mapper;
        this.matters = matters;
        this.scan = scan;
    }

    /** A resident's invitations, newest month first (the online side shows these to the verified citizen). */
    public List<Invitation> ofResident(String idNumber) {
        return idNumber == null ? List.of() : mapper.ofResident(idNumber.trim().toUpperCase(java.util.Locale.ROOT));
    }

    public List<Invitation> openAtPoint(String pointCode) {
        return pointCode == null ? List.of() : mapper.openAtPoint(pointCode, AT_POINT);
    }

    public Optional<Invitation> find(String invitationId) {
        return Optional.ofNullable(mapper.find(invitationId));
    }

    /** As lists show it: ID and phone masked, the month, the minimum, what is needed and what is on file. */
    public Map<String, Object> view(Invitation i) {
        OutreachPolicy policy = scan.policy();
        Matter matter = matters.require("matter", policy.matter());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("invitationId", i.invitationId());
        view.put("name", i.name());
        view.put("idNumber", PersonalData.maskIdNumber(i.idNumber()));
        view.put("phone", PersonalData.maskPhone(i.phone()));
        view.put("servicePoint", i.servicePointCode());
        view.put("statutoryMonth", i.month().toString());
        view.put("contributionMonths", i.contributionMonths());
        view.put("minContributionMonths", i.minContributionMonths());
        view.put("reachesMinimum", i.reachesMinimum());
        view.put("monthsLacking", i.monthsLacking());
        view.put("materials", i.materialCodes().stream().map(code -> Map.of("code", code, "name", matter.materialName(code),
                "onFile", policy.materialsOnFile().contains(code))).toList());
        view.put("status", i.status());
        view.put("statusName", switch (i.status()) {
            case Invitation.INVITED -> "待办理";
            case Invitation.CONFIRMED -> "已确认办理";
            case Invitation.EXPIRED -> "已过期";
            default -> i.status();
        });
        view.put("expiresOn", i.expiresOn().toString());
        view.put("callOutcome", i.callOutcome());
        view.put("caseId", i.caseId());
        return view;
    }
}
