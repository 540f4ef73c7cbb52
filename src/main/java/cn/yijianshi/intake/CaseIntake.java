package cn.yijianshi.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * 一窗受理: accepts one application, gives it a case id and starts its matter's process, in one
 * transaction: a case row never exists without its process instance, nor the other way round.
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
    private final MatterIntakes matters;
    private final CaseSla caseSla;

    public CaseIntake(CaseMapper cases, CaseNumbers numbers, CaseTimeline timeline, RuntimeService runtimeService,
                      HallClock clock, ObjectMapper json, MatterIntakes matters, CaseSla caseSla) {
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
        return java.util.Optional.of(IntakeResult.of(existing, true));
    }

    @Transactional
    public IntakeResult accept(CaseIntakeRequest request, String idempotencyKey, String clerk) {
        ResidentIdNumber applicantId = idNumber("applicant.idNumber", request.applicant().idNumber());
        if (request.proxy() != null) {
            idNumber("proxy.idNumber", request.proxy().idNumber());
        }
        String gender = request.applicant().gender() == null ? applicantId.gender() : request.applicant().gender();
        if (!gender.equals(applicantId.gender())) {
            throw RefusedRequest.badInput("applicant.gender", "性别与身份证号码不符", "does not match the ID number");
        }
        if (request.channel() == Channel.PROXY && request.proxy() == null) {
            throw RefusedRequest.badInput("proxy", "帮办代办必须填写代办人（姓名、身份证号码、关系）",
                    "is required when channel is PROXY (name, idNumber, relation)");
        }
        MatterIntake matter = matters.of(request.matter());
        MaterialCodes.check("materials", request.materialsOrEmpty(), matter);
        matter.check(request, applicantId);

        HallCase hallCase = newCase(request, applicantId, gender, idempotencyKey, clerk);
        cases.insert(hallCase);
        for (String code : request.materialsOrEmpty()) {
            cases.insertMaterial(hallCase.getCaseId(), code, hallCase.getAcceptedAt(), clerk);
        }
        timeline.record(hallCase.getCaseId(), clerk, "ACCEPTED", "受理：" + request.matter().displayName() + "，"
                + request.channel().displayName() + "，" + request.servicePoint().name()
                + "，收到材料 " + request.materialsOrEmpty().size() + " 项");

        // The process carries what its steps and forms read; how the case came in (matter, channel, service
        // point, clerk) stays on the case record, where the case view and the reports read it.
        Map<String, Object> variables = new HashMap<>(matter.startVariables(request, applicantId));
        variables.put("caseId", hallCase.getCaseId());
        variables.put("priority", hallCase.getPriority().name());
        variables.put("taskPriority", hallCase.getPriority().taskPriority());
        variables.put("applicantName", request.applicant().name());
        variables.put("applicantIdMasked", PersonalData.maskIdNumber(applicantId.value()));
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(
                request.matter().processKey(), hallCase.getCaseId(), variables);
        cases.attachProcessInstance(hallCase.getCaseId(), instance.getId());
        caseSla.start(hallCase.getCaseId(), request.matter().name(), hallCase.getPriority(), instance.getId(),
                hallCase.getAcceptedAt());
        hallCase.setProcessInstanceId(instance.getId());

        log.info("accepted case {} ({}) for applicant {} by {}", hallCase.getCaseId(), request.matter(),
                PersonalData.maskIdNumber(applicantId.value()), clerk);
        return IntakeResult.of(hallCase, false);
    }

    /** Checked again here (the request may not have come through the controller's validation). */
    private ResidentIdNumber idNumber(String field, String text) {
        try {
            return ResidentIdNumber.read(text, clock.today());
        } catch (ResidentIdNumber.Invalid e) {
            throw RefusedRequest.badInput(field, e.messageZh(), e.messageEn());
        }
    }

    private HallCase newCase(CaseIntakeRequest request, ResidentIdNumber applicantId, String gender,
                             String idempotencyKey, String clerk) {
        HallCase c = new HallCase();
        c.setCaseId(numbers.next(request.matter().caseIdPrefix(), clock.today()));
        c.setMatter(request.matter());
        c.setStatus(CaseStatus.ACCEPTED);
        c.setApplicantName(request.applicant().name().trim());
        c.setApplicantIdNumber(applicantId.value());
        c.setApplicantGender(gender);
        c.setApplicantPhone(request.applicant().phone());
        c.setChannel(request.channel());
        c.setServicePointCode(request.servicePoint().code());
        c.setServicePointName(request.servicePoint().name());
        if (request.proxy() != null) {
            c.setProxyName(request.proxy().name());
            c.setProxyIdNumber(request.proxy().idNumber().toUpperCase());
            c.setProxyRelation(request.proxy().relation());
        }
        c.setPriority(request.priorityOrDefault());
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
