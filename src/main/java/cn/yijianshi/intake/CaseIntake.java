package cn.yijianshi.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import cn.yijianshi.catalog.ApplicantKind;
import cn.yijianshi.catalog.CreditCode;
import cn.yijianshi.catalog.IntakeFormRules;
import cn.yijianshi.catalog.Matter;
import cn.yijianshi.catalog.MatterCatalog;
import cn.yijianshi.catalog.MatterExtension;
import cn.yijianshi.family.FamilyBinding;
import cn.yijianshi.family.FamilyBindings;
import cn.yijianshi.points.PointAtIntake;
import cn.yijianshi.points.ServicePoint;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.yijianshi.sla.CaseSla;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.PersonalData;
import cn.yijianshi.system.RefusedRequest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一窗受理 for any matter of the catalog: checks the application against the matter's file and intake form, gives
 * it a case id and starts the matter's process, in one transaction: a case row never exists without its process
 * instance, nor the other way round.
 */
@Service
public class CaseIntake {

    private static final Logger log = LoggerFactory.getLogger(CaseIntake.class);

    private final CaseMapper cases;
    private final CaseNumbers numbers;
    private final CaseTimeline timeline;
    private final RuntimeService runtimeService;
    private final HallClock clock;
    private final ObjectMapper json;
    private final MatterCatalog matters;
    private final IntakeFormRules formRules;
    private final List<MatterExtension> extensions;
    private final CaseSla caseSla;
    private final PointAtIntake points;
    private final FamilyBindings family;

    public CaseIntake(CaseMapper cases, CaseNumbers numbers, CaseTimeline timeline, RuntimeService runtimeService,
                      HallClock clock, ObjectMapper json, MatterCatalog matters, IntakeFormRules formRules,
                      List<MatterExtension> extensions, CaseSla caseSla, PointAtIntake points, FamilyBindings family) {
        this.points = points;
        this.family = family;
        this.formRules = formRules;
        this.extensions = extensions;
        this.cases = cases;
        this.numbers = numbers;
        this.timeline = timeline;
        this.runtimeService = runtimeService;
        this.clock = clock;
        this.json = json;
        this.matters = matters;
        this.caseSla = caseSla;
    }

    /** The case already opened under this Idempotency-Key, if any; a different request under it is refused. */
    public java.util.Optional<IntakeResult> replay(String idempotencyKey, CaseIntakeRequest request) {
        if (idempotencyKey == null) {
            return java.util.Optional.empty();
        }
        HallCase existing = cases.findByIdempotencyKey(idempotencyKey);
        if (existing == null) {
            return java.util.Optional.empty();
        }
        if (!Objects.equals(existing.getRequestDigest(), digest(request))) {
            throw RefusedRequest.conflict("Idempotency-Key", "该幂等键已用于另一份不同的申请",
                    "this key was already used for a different application");
        }
        return java.util.Optional.of(IntakeResult.of(existing, true, promisedBy(existing.getCaseId())));
    }

    @Transactional
    public IntakeResult accept(CaseIntakeRequest request, String idempotencyKey, String clerk) {
        Matter matter = matters.require("matter", request.matter());
        if (!matter.accepts(request.channel())) {
            throw RefusedRequest.badInput("channel", matter.name() + "不能通过" + request.channel().displayName() + "受理",
                    matter.key() + " is not accepted through " + request.channel());
        }
        Applicant applicant = applicant(matter, request.applicant());
        if (request.proxy() != null) {
            idNumber("proxy.idNumber", request.proxy().idNumber());
        }
        if (request.channel() == Channel.PROXY && request.proxy() == null) {
            throw RefusedRequest.badInput("proxy", "帮办代办必须填写代办人（姓名、身份证号码、关系）",
                    "is required when channel is PROXY (name, idNumber, relation)");
        }
        ServicePoint point = points.resolve(request.servicePoint() == null ? null : request.servicePoint().code(), clerk, matter);
        FamilyBinding binding = request.channel() == Channel.FAMILY ? familyBinding(request, applicant) : null;
        MaterialCodes.check("materials", request.materialsOrEmpty(), matter);
        if (request.priorityOrDefault() == Priority.URGENT
                && (request.priorityReason() == null || request.priorityReason().isBlank())) {
            throw RefusedRequest.badInput("priorityReason", "加急（绿色通道）必须填写原因",
                    "is required when priority is URGENT");
        }
        Map<String, Object> facts = new HashMap<>(request.factsOrEmpty());
        if (request.retirement() != null) {
            facts.putAll(cn.yijianshi.retirement.RetirementIntake.facts(request.retirement()));
        }
        JsonNode form = matters.intakeForm(matter).orElseThrow(() -> new IllegalStateException(
                "matter " + matter.key() + " has no intake form " + matter.intakeForm() + " in its deployment"));
        Map<String, Object> kept = formRules.check(form, facts, applicant.formContext(request.channel()));
        MatterExtension extension = extensionOf(matter);
        if (extension != null) {
            extension.check(kept, applicant.residentId());
        }

        HallCase hallCase = newCase(request, matter, applicant, point, idempotencyKey, clerk);
        cases.insert(hallCase);
        if (!request.materialsOrEmpty().isEmpty()) {
            cases.insertMaterials(hallCase.getCaseId(), request.materialsOrEmpty(), hallCase.getAcceptedAt(), clerk);
        }
        timeline.record(hallCase.getCaseId(), clerk, "ACCEPTED", "受理：" + matter.name() + "，"
                + request.channel().displayName() + "，" + point.getName()
                + "，收到材料 " + request.materialsOrEmpty().size() + " 项"
                + (request.proxy() == null ? "" : "；代办人" + request.proxy().name() + "（" + request.proxy().relation() + "）"
                        + (Boolean.TRUE.equals(request.proxy().authorization()) ? "，已收授权委托书" : "")));
        if (binding != null) {
            family.recordUse(binding.getId(), hallCase.getCaseId(), clerk);
            timeline.record(hallCase.getCaseId(), clerk, "FAMILY_AGENT", "亲情代办：代办人 " + binding.getAgentName()
                    + "（" + binding.getRelation() + "），绑定 " + binding.getId() + "，有效至 " + binding.getExpiresOn());
        }

        // The process carries what its steps and rules read (the facts the intake form kept, and the matter's own
        // where it has an extension), the channel and the applicant's kind, which a matter's rules may route on
        // (帮办代办 needs a 委托书), the priority, and what Tasklist's task cards show (case id, matter, applicant's
        // name). The rest stays on the case record: how the case came in (service point, clerk), where the case
        // view and the reports read it, and what forms only show (the masked ID number), which CaseFactsInForms
        // gives the forms when they open. The matter's key is no variable: a process is one matter.
        Map<String, Object> variables = new HashMap<>(kept);
        if (extension != null) {
            variables.putAll(extension.startVariables(kept, applicant.residentId()));
        }
        variables.put("matterName", matter.name());
        variables.put("caseId", hallCase.getCaseId());
        variables.put("channel", request.channel().name());
        variables.put("priority", hallCase.getPriority().name());
        variables.put("taskPriority", hallCase.getPriority().taskPriority());
        variables.put("applicantName", request.applicant().name());
        variables.put("applicantKind", matter.applicantKind().name());
        variables.put(MaterialCodes.RECEIVED_AT_INTAKE, MaterialCodes.receivedAtIntake(request.materialsOrEmpty()));
        // the version whose matter file was read (no second look-up of the latest)
        ProcessInstance instance = matters.processDefinitionId(matter)
                .map(id -> runtimeService.startProcessInstanceById(id, hallCase.getCaseId(), variables))
                .orElseGet(() -> runtimeService.startProcessInstanceByKey(matter.processKey(), hallCase.getCaseId(), variables));
        cases.attachProcessInstance(hallCase.getCaseId(), instance.getId());
        java.util.Optional<java.time.Instant> promise = caseSla.start(hallCase.getCaseId(), matter, hallCase.getPriority(), instance.getId(),
                hallCase.getAcceptedAt());
        hallCase.setProcessInstanceId(instance.getId());

        log.info("accepted case {} ({}) for applicant {} by {}", hallCase.getCaseId(), matter.key(), applicant.masked(), clerk);
        return IntakeResult.of(hallCase, false, promise.map(clock::inHallZone).orElse(null));
    }

    /** The promised completion (the whole-case SLA record's due date), as the receipt prints it. */
    private java.time.OffsetDateTime promisedBy(String caseId) {
        return caseSla.due(caseId).map(clock::inHallZone).orElse(null);
    }

    /** 亲情代办 needs the agent (in {@code proxy}) and a binding in force between agent and applicant: 403 otherwise. */
    private FamilyBinding familyBinding(CaseIntakeRequest request, Applicant applicant) {
        if (request.proxy() == null) {
            throw RefusedRequest.badInput("proxy", "亲情代办必须填写代办人（姓名、身份证号码、关系）",
                    "is required when channel is FAMILY (name, idNumber, relation)");
        }
        if (applicant.kind() != ApplicantKind.PERSON) {
            throw RefusedRequest.badInput("channel", "亲情代办只为个人办理", "FAMILY is for persons only");
        }
        return family.inForce(applicant.number(), request.proxy().idNumber()).orElseThrow(() -> RefusedRequest.forbidden(
                "proxy", "代办人与申请人之间没有有效的亲情代办绑定（须经本人同意绑定，一年内有效）",
                "the agent has no binding in force with the applicant (bound with the applicant's consent, for a year)"));
    }

    /** The applicant as the matter's applicant kind requires: a person by resident ID, an organization by credit code. */
    private record Applicant(ApplicantKind kind, ResidentIdNumber residentId, String number, String gender) {

        String masked() {
            return kind == ApplicantKind.PERSON ? PersonalData.maskIdNumber(number) : number;
        }

        Map<String, Object> formContext(Channel channel) {
            Map<String, Object> context = new HashMap<>();
            context.put("applicantKind", kind.name());
            context.put("applicantGender", gender);
            context.put("channel", channel.name());
            context.put(IntakeFormRules.APPLICANT_NUMBER, number);
            return context;
        }
    }

    private Applicant applicant(Matter matter, CaseIntakeRequest.Applicant given) {
        if (matter.applicantKind() == ApplicantKind.ORGANIZATION) {
            if (given.creditCode() == null || given.creditCode().isBlank()) {
                throw RefusedRequest.badInput("applicant.creditCode", matter.name() + "由单位申请，必须填写统一社会信用代码",
                        "is required: " + matter.key() + " is applied for by an organization");
            }
            CreditCode.problem(given.creditCode()).ifPresent(p -> {
                throw RefusedRequest.badInput("applicant.creditCode", p[0], p[1]);
            });
            if (given.gender() != null) {
                throw RefusedRequest.badInput("applicant.gender", "单位申请人没有性别", "an organization has no gender");
            }
            return new Applicant(ApplicantKind.ORGANIZATION, null, given.creditCode().toUpperCase(), null);
        }
        if (given.idNumber() == null || given.idNumber().isBlank()) {
            throw RefusedRequest.badInput("applicant.idNumber", "必须填写身份证号码", "is required");
        }
        ResidentIdNumber id = idNumber("applicant.idNumber", given.idNumber());
        String gender = given.gender() == null ? id.gender() : given.gender();
        if (!gender.equals(id.gender())) {
            throw RefusedRequest.badInput("applicant.gender", "性别与身份证号码不符", "does not match the ID number");
        }
        return new Applicant(ApplicantKind.PERSON, id, id.value(), gender);
    }

    private MatterExtension extensionOf(Matter matter) {
        if (matter.extension() == null) {
            return null;
        }
        return extensions.stream().filter(e -> e.name().equals(matter.extension())).findFirst()
                .orElseThrow(() -> new IllegalStateException("matter " + matter.key() + " names extension "
                        + matter.extension() + ", which this build does not have"));
    }

    /** Checked again here (the request may not have come through the controller's validation). */
    private ResidentIdNumber idNumber(String field, String text) {
        try {
            return ResidentIdNumber.read(text, clock.today());
        } catch (ResidentIdNumber.Invalid e) {
            throw RefusedRequest.badInput(field, e.messageZh(), e.messageEn());
        }
    }

    private HallCase newCase(CaseIntakeRequest request, Matter matter, Applicant applicant, ServicePoint point,
                             String idempotencyKey, String clerk) {
        HallCase c = new HallCase();
        c.setCaseId(numbers.next(matter.caseIdPrefix(), clock.today()));
        c.setMatter(matter.key());
        c.setApplicantKind(applicant.kind().name());
        c.setStatus(CaseStatus.ACCEPTED);
        c.setApplicantName(request.applicant().name().trim());
        c.setApplicantIdNumber(applicant.number());
        c.setApplicantGender(applicant.gender());
        c.setApplicantPhone(request.applicant().phone());
        c.setChannel(request.channel());
        c.setServicePointCode(point.getCode());
        c.setServicePointName(point.getName());
        if (request.proxy() != null) {
            c.setProxyName(request.proxy().name());
            c.setProxyIdNumber(request.proxy().idNumber().toUpperCase());
            c.setProxyRelation(request.proxy().relation());
            c.setProxyAuthorization(Boolean.TRUE.equals(request.proxy().authorization()));
        }
        c.setPriority(request.priorityOrDefault());
        c.setPriorityReason(request.priorityOrDefault() == Priority.URGENT ? request.priorityReason().trim() : null);
        c.setIdempotencyKey(idempotencyKey);
        c.setRequestDigest(idempotencyKey == null ? null : digest(request));
        c.setAcceptedBy(clerk);
        c.setAcceptedAt(clock.now());
        return c;
    }

    private String digest(CaseIntakeRequest request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest intake request", e);
        }
    }
}
