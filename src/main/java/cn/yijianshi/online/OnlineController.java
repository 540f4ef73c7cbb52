package cn.yijianshi.online;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.catalog.Matter;
import cn.yijianshi.catalog.MatterCatalog;
import cn.yijianshi.citizen.ProgressCheck;
import cn.yijianshi.citizen.RatingLinks;
import cn.yijianshi.family.FamilyBindings;
import cn.yijianshi.intake.CaseMapper;
import cn.yijianshi.intake.CaseStatus;
import cn.yijianshi.intake.HallCase;
import cn.yijianshi.intake.MaterialSupplement;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.PersonalData;
import cn.yijianshi.system.RefusedRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 码上办's API for the citizen (no hall login: the citizen's own 实名认证 session, {@link OnlineSession}). ID and phone
 * numbers go out masked; an application the citizen may not see is 404.
 */
@RestController
public class OnlineController {

    private final ObjectProvider<RealNameProvider> providers;
    private final ObjectProvider<DemoSmsInbox> demoInbox;
    private final OnlineSession session;
    private final OnlineApplications applications;
    private final MatterCatalog matters;
    private final FamilyBindings family;
    private final CaseMapper cases;
    private final ProgressCheck progress;
    private final MaterialSupplement supplement;
    private final RatingLinks ratings;
    private final HallClock clock;

    public OnlineController(ObjectProvider<RealNameProvider> providers, ObjectProvider<DemoSmsInbox> demoInbox,
                            OnlineSession session, OnlineApplications applications, MatterCatalog matters,
                            FamilyBindings family, CaseMapper cases, ProgressCheck progress, MaterialSupplement supplement,
                            RatingLinks ratings, HallClock clock) {
        this.providers = providers;
        this.demoInbox = demoInbox;
        this.session = session;
        this.applications = applications;
        this.matters = matters;
        this.family = family;
        this.cases = cases;
        this.progress = progress;
        this.supplement = supplement;
        this.ratings = ratings;
        this.clock = clock;
    }

    public record CodeRequest(@NotBlank(message = "必须填写手机号码|is required")
                              @Pattern(regexp = "1[3-9]\\d{9}", message = "请填写11位手机号码|not a mobile number") String phone) {
    }

    public record SignInRequest(@NotBlank(message = "必须填写手机号码|is required")
                                @Pattern(regexp = "1[3-9]\\d{9}", message = "请填写11位手机号码|not a mobile number") String phone,
                                @NotBlank(message = "必须填写验证码|is required")
                                @Pattern(regexp = "\\d{6}", message = "验证码为6位数字|6 digits") String code,
                                @NotBlank(message = "必须填写身份证号码|is required") @Size(max = 18, message = "证件号码过长|too long") String idNumber,
                                @NotBlank(message = "必须填写姓名|is required") @Size(max = 50, message = "姓名过长|too long") String name) {
    }

    public record ApplicationRequest(@NotBlank(message = "必须选择事项|is required") @Size(max = 32) String matter,
                                     @Size(max = 100, message = "受理要素最多100项|at most 100 fields") Map<String, Object> facts,
                                     Long forBinding,
                                     @Valid ForApplicant applicant) {
    }

    public record ForApplicant(@Size(max = 50, message = "姓名过长|too long") String name,
                               @Pattern(regexp = "1[3-9]\\d{9}", message = "请填写11位手机号码|not a mobile number") String phone) {
    }

    public record FactsRequest(@Size(max = 100, message = "受理要素最多100项|at most 100 fields") Map<String, Object> facts) {
    }

    public record SupplementRequest(@NotEmpty(message = "请选择补正的材料|is required")
                                    @Size(max = 50) List<@NotBlank @Size(max = 64) String> materials) {
    }

    private RealNameProvider provider() {
        RealNameProvider provider = providers.getIfAvailable();
        if (provider == null) {
            throw RefusedRequest.unavailable("provider", "本厅尚未配置实名认证（电子社保卡或人脸识别），暂不能网上申请，请到窗口办理",
                    "no real-name provider is configured (yijianshi.online.real-name.provider)");
        }
        return provider;
    }

    @GetMapping("/api/online/provider")
    public Map<String, Object> provider(HttpServletRequest request) {
        RealNameProvider provider = provider();
        return Map.of("kind", provider.kind(), "description", provider.description(), "demoOnly", provider.demoOnly());
    }

    @PostMapping("/api/online/code")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Object> code(@RequestBody @Valid CodeRequest body, HttpServletRequest request) {
        provider().challenge(body.phone(), request.getRemoteAddr());
        return Map.of("sentTo", PersonalData.maskPhone(body.phone()), "validMinutes", 5);
    }

    /** DEMO ONLY: the demo's "phone" shows the code it received (exists only with the demo provider). */
    @GetMapping("/api/online/demo/sms")
    public Map<String, Object> demoSms(@RequestParam String phone) {
        DemoSmsInbox inbox = demoInbox.getIfAvailable();
        if (inbox == null) {
            throw RefusedRequest.notFound("phone", "仅演示环境提供演示短信", "demo only");
        }
        return Map.of("phone", PersonalData.maskPhone(phone), "code", inbox.lastCodeTo(phone).orElse(""));
    }

    @PostMapping("/api/online/session")
    public Map<String, Object> signIn(@RequestBody @Valid SignInRequest body, HttpServletRequest request) {
        OnlineCitizen citizen = provider().verify(new RealNameProvider.SignIn(body.phone(), body.code(),
                body.idNumber().trim().toUpperCase(), body.name()), request.getRemoteAddr());
        session.signIn(request, citizen);
        return me(citizen);
    }

    @DeleteMapping("/api/online/session")
    public Map<String, Object> signOut(HttpServletRequest request) {
        session.signOut(request);
        return Map.of("signedOut", true);
    }

    @GetMapping("/api/online/me")
    public Map<String, Object> me(HttpServletRequest request) {
        return me(session.require(request));
    }

    private Map<String, Object> me(OnlineCitizen citizen) {
        List<Map<String, Object>> actingFor = family.ofAgent(citizen.idNumber()).stream()
                .filter(b -> b.inForce(clock.today()))
                .map(b -> Map.<String, Object>of("bindingId", b.getId(), "holderIdNumber",
                        PersonalData.maskIdNumber(b.getHolderIdNumber()), "relation", b.getRelation(),
                        "expiresOn", b.getExpiresOn().toString()))
                .toList();
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("name", citizen.name());
        me.put("idNumber", citizen.maskedId());
        me.put("phone", citizen.maskedPhone());
        me.put("verifiedBy", citizen.verifiedBy());
        me.put("demo", citizen.demo());
        me.put("actingFor", actingFor);
        return me;
    }

    @GetMapping("/api/online/matters")
    public List<Map<String, Object>> matters(HttpServletRequest request) {
        return applications.onlineMatters().stream().map(m -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("key", m.key());
            item.put("name", m.name());
            item.put("materials", m.materialsOrEmpty());
            item.put("promise", m.promise());
            matters.intakeForm(m).ifPresent(form -> item.put("intakeForm", form));
            return item;
        }).toList();
    }

    @PostMapping("/api/online/applications")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> create(@RequestBody @Valid ApplicationRequest body, HttpServletRequest request) {
        OnlineCitizen citizen = session.require(request);
        OnlineApplications.ForPerson forPerson = body.forBinding() == null ? null : new OnlineApplications.ForPerson(
                body.forBinding(), body.applicant() == null ? null : body.applicant().name(),
                body.applicant() == null ? null : body.applicant().phone());
        return view(applications.create(citizen, body.matter(), forPerson, body.facts()));
    }

    @PutMapping("/api/online/applications/{id}/facts")
    public Map<String, Object> facts(@PathVariable String id, @RequestBody @Valid FactsRequest body, HttpServletRequest request) {
        return view(applications.updateFacts(session.require(request), id, body.facts()));
    }

    @PostMapping("/api/online/applications/{id}/materials")
    @ResponseStatus(HttpStatus.CREATED)
    public OnlineApplicationMapper.UploadedMaterial material(@PathVariable String id, @RequestParam("materialCode") String code,
                                                            @RequestParam("file") MultipartFile file, HttpServletRequest request) {
        return applications.addMaterial(session.require(request), id, code, file);
    }

    @PostMapping("/api/online/applications/{id}/submission")
    public Map<String, Object> submit(@PathVariable String id, HttpServletRequest request) {
        return view(applications.submit(session.require(request), id));
    }

    @GetMapping("/api/online/applications")
    public List<Map<String, Object>> list(HttpServletRequest request) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (OnlineApplication application : applications.visibleTo(session.require(request))) {
            out.add(summary(application));
        }
        return out;
    }

    @GetMapping("/api/online/applications/{id}")
    public Map<String, Object> one(@PathVariable String id, HttpServletRequest request) {
        return view(applications.require(session.require(request), id));
    }

    /** 补正: the case asked for materials; the citizen has uploaded them to the application and says which. */
    @PostMapping("/api/online/applications/{id}/supplement")
    public Map<String, Object> supplement(@PathVariable String id, @RequestBody @Valid SupplementRequest body,
                                          HttpServletRequest request) {
        OnlineApplication application = applications.require(session.require(request), id);
        HallCase hallCase = caseOf(application);
        List<String> uploaded = applications.materials(application.applicationId()).stream()
                .filter(m -> m.uploadedAt().isAfter(application.decidedAt()))
                .map(OnlineApplicationMapper.UploadedMaterial::materialCode).toList();
        for (String code : body.materials()) {
            if (!uploaded.contains(code)) {
                throw RefusedRequest.badInput("materials", "请先上传补正材料：" + code, "upload the material first: " + code);
            }
        }
        supplement.supply(hallCase.getCaseId(), body.materials(), "citizen");
        return view(applications.require(session.require(request), id));
    }

    /** 好差评 for the completed case: a one-time rating link (/rate/{token}), as the 办结 notice carries. */
    @PostMapping("/api/online/applications/{id}/rating-link")
    public Map<String, Object> ratingLink(@PathVariable String id, HttpServletRequest request) {
        HallCase hallCase = caseOf(applications.require(session.require(request), id));
        if (hallCase.getStatus() != CaseStatus.COMPLETED) {
            throw RefusedRequest.conflict("applicationId", "办结后才能评价", "the case is not completed yet");
        }
        String link = ratings.issue(hallCase.getCaseId());
        return Map.of("link", link.substring(link.indexOf("/rate/")));
    }

    private HallCase caseOf(OnlineApplication application) {
        HallCase hallCase = application.caseId() == null ? null : cases.findByCaseId(application.caseId());
        if (hallCase == null) {
            throw RefusedRequest.conflict("applicationId", "该申请尚未受理为办件", "the application has not become a case yet");
        }
        return hallCase;
    }

    private Map<String, Object> summary(OnlineApplication application) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("applicationId", application.applicationId());
        item.put("matter", application.matter());
        item.put("matterName", matters.byKey(application.matter()).map(Matter::name).orElse(application.matter()));
        item.put("status", application.status());
        item.put("statusName", application.state().displayName());
        item.put("applicantName", application.applicantName());
        item.put("applicantIdNumber", PersonalData.maskIdNumber(application.applicantIdNumber()));
        item.put("forSomeoneElse", application.relation() != null);
        item.put("createdAt", clock.inHallZone(application.createdAt()));
        item.put("caseId", application.caseId());
        if (application.caseId() != null) {
            HallCase hallCase = cases.findByCaseId(application.caseId());
            if (hallCase != null) {
                item.put("caseStatus", hallCase.getStatus().name());
                item.put("caseStatusName", hallCase.getStatus().displayName());
            }
        }
        return item;
    }

    private Map<String, Object> view(OnlineApplication application) {
        Map<String, Object> view = summary(application);
        view.put("returnReason", application.returnReason());
        view.put("submittedBy", application.submittedByName() + (application.relation() == null ? "" : "（" + application.relation() + "）"));
        view.put("facts", applications.facts(application));
        view.put("materials", applications.materials(application.applicationId()));
        if (application.caseId() != null) {
            view.put("progress", progress.of(application.caseId()));
        }
        return view;
    }
}
