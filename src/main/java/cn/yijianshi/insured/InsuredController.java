package cn.yijianshi.insured;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.security.HallGroup;
import cn.yijianshi.system.PersonalData;
import cn.yijianshi.system.RefusedRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 参保人员名册 for the hall's staff: the persons of a service point, soonest statutory month first, or one person by
 * ID number; ID and phone numbers masked. Window clerks, coordinators, managers and administrators.
 */
@RestController
public class InsuredController {

    static final int MAX_LIST = 1000;

    private final InsuredMapper mapper;
    private final ContributionStatuses statuses;

    public InsuredController(InsuredMapper mapper, ContributionStatuses statuses) {
        this.mapper = mapper;
        this.statuses = statuses;
    }

    @GetMapping("/api/insured")
    public List<Map<String, Object>> atPoint(@RequestParam String point, @RequestParam(defaultValue = "100") int limit,
                                             Authentication user) {
        allowed(user);
        if (limit < 1 || limit > MAX_LIST) {
            throw RefusedRequest.badInput("limit", "每次最多列出" + MAX_LIST + "人", "must be 1 to " + MAX_LIST);
        }
        return mapper.atPoint(point, limit).stream().map(this::view).toList();
    }

    @GetMapping("/api/insured/{idNumber}")
    public Map<String, Object> one(@PathVariable String idNumber, Authentication user) {
        allowed(user);
        InsuredPerson person = mapper.find(idNumber.toUpperCase(java.util.Locale.ROOT));
        if (person == null) {
            throw RefusedRequest.notFound("idNumber", "参保人员名册中没有此人", "no such person in the insured registry");
        }
        return view(person);
    }

    private static void allowed(Authentication user) {
        boolean staff = user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(HallGroup.WINDOW.authority())
                || a.getAuthority().equals(HallGroup.COORDINATORS.authority())
                || a.getAuthority().equals(HallGroup.MANAGERS.authority())
                || a.getAuthority().equals(HallGroup.ADMIN.authority()));
        if (!staff) {
            throw RefusedRequest.forbidden("user", "只有窗口人员、值班主任、管理者可查看参保人员名册",
                    "only window clerks, coordinators, managers and administrators may read the insured registry");
        }
    }

    Map<String, Object> view(InsuredPerson p) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("idNumber", PersonalData.maskIdNumber(p.idNumber()));
        view.put("name", p.name());
        view.put("gender", p.gender());
        view.put("originalAge", p.originalAge());
        view.put("contributionMonths", p.contributionMonths());
        view.put("contributionStatus", p.contributionStatus());
        view.put("contributionStatusName", statuses.nameOf(p.contributionStatus()));
        view.put("phone", PersonalData.maskPhone(p.phone()));
        view.put("servicePoint", p.servicePointCode());
        view.put("statutoryMonth", java.time.YearMonth.from(p.statutoryMonth()).toString());
        view.put("minContributionMonths", p.minContributionMonths());
        view.put("reachesMinimum", p.reachesMinimum());
        return view;
    }
}
