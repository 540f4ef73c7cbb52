package cn.yijianshi.online;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.catalog.ApplicantKind;
import cn.yijianshi.catalog.IntakeFormRules;
import cn.yijianshi.catalog.Matter;
import cn.yijianshi.catalog.MatterCatalog;
import cn.yijianshi.family.FamilyBinding;
import cn.yijianshi.family.FamilyBindings;
import cn.yijianshi.intake.CaseNumbers;
import cn.yijianshi.intake.Channel;
import cn.yijianshi.intake.ResidentIdNumber;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.PersonalData;
import cn.yijianshi.system.RefusedRequest;
import cn.yijianshi.upload.FileKind;
import cn.yijianshi.upload.UploadPolicy;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * 码上办 applications: the citizen (or a relative bound to act for them, 亲情代办) fills the matter's intake form,
 * uploads materials and submits; every step is stored in our tables, in its transaction, before the citizen is
 * answered, so nothing sent is lost to a crash or to the other node. Submitting starts 网上申请预审
 * (processes/online) in the same transaction. A citizen sees only their own applications and those of the people
 * they are bound to act for; any other is 404, as if it did not exist.
 */
@Service
public class OnlineApplications {

    static final String PREFIX = "WS";
    static final String REVIEW_PROCESS = "online-application-review";
    private static final Logger log = LoggerFactory.getLogger(OnlineApplications.class);

    private final OnlineApplicationMapper applications;
    private final MatterCatalog matters;
    private final IntakeFormRules formRules;
    private final FamilyBindings family;
    private final CaseNumbers numbers;
    private final UploadPolicy uploads;
    private final RuntimeService runtimeService;
    private final HallClock clock;
    private final ObjectMapper json;

    public OnlineApplications(OnlineApplicationMapper applications, MatterCatalog matters, IntakeFormRules formRules,
                              FamilyBindings family, CaseNumbers numbers, UploadPolicy uploads,
                              RuntimeService runtimeService, HallClock clock, ObjectMapper json) {
        this.applications = applications;
        this.matters = matters;
        this.formRules = formRules;
        this.family = family;
        this.numbers = numbers;
        this.uploads = uploads;
        this.runtimeService = runtimeService;
        this.clock = clock;
        this.json = json;
    }

    /** Someone the citizen applies for by a 亲情代办 binding in force (the binding names the holder's ID). */
    public record ForPerson(long bindingId, String name, String phone) {
    }

    /** The matters a citizen may apply for online: {@code online: true} and taking the ONLINE channel, by a person. */
    public List<Matter> onlineMatters() {
        return matters.all().stream().filter(m -> m.online() && m.accepts(Channel.ONLINE)
                && m.applicantKind() == ApplicantKind.PERSON).toList();
    }

    @Transactional
    public OnlineApplication create(OnlineCitizen citizen, String matterKey, ForPerson forPerson, Map<String, Object> facts) {
        Matter matter = onlineMatter(matterKey);
        String applicantId = citizen.idNumber();
        String applicantName = citizen.name();
        String applicantPhone = citizen.phone();
        String relation = null;
        if (forPerson != null) {
            FamilyBinding binding = family.ofAgent(citizen.idNumber()).stream()
                    .filter(b -> b.getId() == forPerson.bindingId() && b.inForce(clock.today())).findFirst()
                    .orElseThrow(() -> RefusedRequest.forbidden("forBinding",
                            "您与该申请人之间没有有效的亲情代办绑定，不能代为申请", "no family binding in force with this applicant"));
            if (forPerson.name() == null || forPerson.name().isBlank() || forPerson.phone() == null
                    || !forPerson.phone().matches("1[3-9]\\d{9}")) {
                throw RefusedRequest.badInput("applicant.phone", "代办时须填写申请人姓名和手机号码", "the applicant's name and mobile number are required");
            }
            applicantId = binding.getHolderIdNumber();
            applicantName = forPerson.name().trim();
            applicantPhone = forPerson.phone();
            relation = binding.getRelation();
        }
        Map<String, Object> kept = checkedFacts(matter, applicantId, facts);
        OnlineApplication application = new OnlineApplication(numbers.next(PREFIX, clock.today()), matter.key(),
                OnlineApplication.Status.DRAFT.name(), applicantId, applicantName, applicantPhone, citizen.idNumber(),
                citizen.name(), relation, toJson(kept), clock.now(), null, null, null, null, null, null);
        applications.insert(application);
        log.info("online application {} ({}) started by {} for {}", application.applicationId(), matter.key(),
                citizen.maskedId(), PersonalData.maskIdNumber(applicantId));
        return application;
    }

    /** The application's facts changed before it was sent (or after it was returned). */
    @Transactional
    public OnlineApplication updateFacts(OnlineCitizen citizen, String applicationId, Map<String, Object> facts) {
        OnlineApplication application = lockVisible(citizen, applicationId);
        requireEditable(application);
        Matter matter = onlineMatter(application.matter());
        applications.updateFacts(applicationId, toJson(checkedFacts(matter, application.applicantIdNumber(), facts)));
        return applications.find(applicationId);
    }

    /**
     * A file for one of the matter's materials: before submitting, after a return, or to answer a 补正 request of the
     * case. Told by its content (images, PDF: the upload policy's attachment rule), stored before the answer.
     */
    @Transactional
    public OnlineApplicationMapper.UploadedMaterial addMaterial(OnlineCitizen citizen, String applicationId,
                                                               String materialCode, MultipartFile file) {
        OnlineApplication application = lockVisible(citizen, applicationId);
        Matter matter = onlineMatter(application.matter());
        if (materialCode == null || !matter.knowsMaterial(materialCode)) {
            throw RefusedRequest.badInput("materialCode", "该事项没有这项材料", "the matter has no such material");
        }
        FileKind kind = uploads.accept("attachment", file);
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? materialCode
                : file.getOriginalFilename().replaceAll("[\\\\/\\p{Cntrl}]", "_");
        try {
            applications.insertMaterial(applicationId, materialCode, name.length() > 200 ? name.substring(0, 200) : name,
                    kind.mediaType(), file.getSize(), file.getBytes(), clock.now());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file", e);
        }
        List<OnlineApplicationMapper.UploadedMaterial> all = applications.materials(applicationId);
        return all.get(all.size() - 1);
    }

    /** Sends the application to 网上申请预审: stored and its review started in one transaction. */
    @Transactional
    public OnlineApplication submit(OnlineCitizen citizen, String applicationId) {
        OnlineApplication application = lockVisible(citizen, applicationId);
        requireEditable(application);
        Matter matter = onlineMatter(application.matter());
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicationId", applicationId);
        variables.put("matter", matter.key());
        variables.put("matterName", matter.name());
        variables.put("applicantName", application.applicantName());
        variables.put("applicantIdMasked", PersonalData.maskIdNumber(application.applicantIdNumber()));
        variables.put("submittedBy", application.relation() == null ? "本人"
                : application.submittedByName() + "（" + application.relation() + "，亲情代办）");
        variables.put("materialsUploaded", String.join("、", applications.materials(applicationId).stream()
                .map(m -> matter.materialName(m.materialCode()) + "：" + m.fileName()).toList()));
        variables.put("factsText", application.facts());
        variables.put("reviewGroup", cn.yijianshi.security.HallGroup.ONLINE_REVIEW.id());
        String instance = runtimeService.startProcessInstanceByKey(REVIEW_PROCESS, applicationId, variables).getId();
        applications.submitted(applicationId, clock.now(), instance);
        return applications.find(applicationId);
    }

    public List<OnlineApplication> visibleTo(OnlineCitizen citizen) {
        Map<String, OnlineApplication> all = new LinkedHashMap<>();
        applications.of(citizen.idNumber()).forEach(a -> all.put(a.applicationId(), a));
        for (FamilyBinding binding : family.ofAgent(citizen.idNumber())) {
            if (binding.inForce(clock.today())) {
                applications.of(binding.getHolderIdNumber()).stream()
                        .filter(a -> a.applicantIdNumber().equals(binding.getHolderIdNumber()))
                        .forEach(a -> all.putIfAbsent(a.applicationId(), a));
            }
        }
        List<OnlineApplication> list = new ArrayList<>(all.values());
        list.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
        return list;
    }

    /** The application, if the citizen may see it; otherwise 404 as if there were none. */
    public OnlineApplication require(OnlineCitizen citizen, String applicationId) {
        OnlineApplication application = applicationId == null || applicationId.length() > 32 ? null
                : applications.find(applicationId.trim().toUpperCase());
        if (application == null || !mayActOn(citizen, application)) {
            throw RefusedRequest.notFound("applicationId", "没有找到这份网上申请", "no such application of yours");
        }
        return application;
    }

    public List<OnlineApplicationMapper.UploadedMaterial> materials(String applicationId) {
        return applications.materials(applicationId);
    }

    public Map<String, Object> facts(OnlineApplication application) {
        try {
            return json.readValue(application.facts(), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored facts of " + application.applicationId() + " are not JSON", e);
        }
    }

    private OnlineApplication lockVisible(OnlineCitizen citizen, String applicationId) {
        require(citizen, applicationId);
        return applications.lock(applicationId.trim().toUpperCase());
    }

    private boolean mayActOn(OnlineCitizen citizen, OnlineApplication application) {
        String me = citizen.idNumber();
        return me.equals(application.applicantIdNumber()) || me.equals(application.submittedByIdNumber())
                || family.inForce(application.applicantIdNumber(), me).isPresent();
    }

    private static void requireEditable(OnlineApplication application) {
        OnlineApplication.Status state = application.state();
        if (state != OnlineApplication.Status.DRAFT && state != OnlineApplication.Status.RETURNED) {
            throw RefusedRequest.conflict("applicationId", "该申请" + state.displayName() + "，不能再修改或提交",
                    "the application is " + state + " and can no longer be changed or sent");
        }
    }

    private Matter onlineMatter(String key) {
        Matter matter = matters.require("matter", key);
        if (!onlineMatters().contains(matter)) {
            throw RefusedRequest.badInput("matter", matter.name() + "不能网上办理，请到窗口申请", matter.key() + " is not offered online");
        }
        return matter;
    }

    private Map<String, Object> checkedFacts(Matter matter, String applicantId, Map<String, Object> facts) {
        var form = matters.intakeForm(matter).orElseThrow(() -> new IllegalStateException(
                "matter " + matter.key() + " has no intake form in its deployment"));
        Map<String, Object> context = new HashMap<>();
        context.put("applicantKind", ApplicantKind.PERSON.name());
        context.put("applicantGender", ResidentIdNumber.read(applicantId, clock.today()).gender());
        context.put("channel", Channel.ONLINE.name());
        context.put(IntakeFormRules.APPLICANT_NUMBER, applicantId);
        return formRules.check(form, facts, context);
    }

    private String toJson(Map<String, Object> facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("facts are not JSON", e);
        }
    }
}
