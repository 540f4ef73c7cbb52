package cn.yijianshi.family;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.yijianshi.intake.ResidentIdNumber;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.PersonalData;
import cn.yijianshi.system.RefusedRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 亲情代办 bindings: an agent acts for at most {@value #MAX_PER_AGENT} relatives (重庆: "1人可绑定4人"), each with the
 * holder's consent, for a year from that consent unless renewed; either side may end one. A FAMILY application
 * needs a binding in force between applicant (holder) and agent; each use is recorded in the holder's history.
 */
@Service
public class FamilyBindings {

    static final int MAX_PER_AGENT = 4;

    private final FamilyBindingMapper mapper;
    private final HallClock clock;

    public FamilyBindings(FamilyBindingMapper mapper, HallClock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public record Agent(String name, String idNumber, String relation) {
    }

    @Transactional
    public FamilyBinding bind(String holderIdNumber, Agent agent, LocalDate consentDate, String by) {
        LocalDate today = clock.today();
        String holder = idNumber("holderIdNumber", holderIdNumber, today);
        String agentId = idNumber("agent.idNumber", agent.idNumber(), today);
        if (holder.equals(agentId)) {
            throw RefusedRequest.badInput("agent.idNumber", "代办人不能是本人", "the agent cannot be the holder");
        }
        if (consentDate.isAfter(today)) {
            throw RefusedRequest.badInput("consentDate", "授权同意日期不能晚于今天", "must not be after today");
        }
        if (consentDate.plusYears(1).isBefore(today)) {
            throw RefusedRequest.badInput("consentDate", "授权同意已超过一年，已失效，请重新取得本人同意",
                    "the consent is more than a year old and has lapsed: ask the holder again");
        }
        lockAgent(agentId);
        List<FamilyBinding> inForce = mapper.ofAgent(agentId).stream().filter(b -> b.inForce(today)).toList();
        if (inForce.stream().anyMatch(b -> b.getHolderIdNumber().equals(holder))) {
            throw RefusedRequest.conflict("holderIdNumber", "该代办人已绑定此人，无需重复绑定（到期前可续期）",
                    "the agent is already bound to this holder (renew it before it expires)");
        }
        if (inForce.size() >= MAX_PER_AGENT) {
            throw RefusedRequest.conflict("agent.idNumber", "一名代办人最多绑定" + MAX_PER_AGENT + "人，已绑定" + inForce.size()
                    + "人；请先解除一个绑定", "an agent may act for at most " + MAX_PER_AGENT + " people; end a binding first");
        }
        FamilyBinding binding = new FamilyBinding();
        binding.setHolderIdNumber(holder);
        binding.setAgentName(agent.name().trim());
        binding.setAgentIdNumber(agentId);
        binding.setRelation(agent.relation().trim());
        binding.setConsentDate(consentDate);
        binding.setExpiresOn(consentDate.plusYears(1));
        binding.setCreatedBy(by);
        binding.setCreatedAt(clock.now());
        mapper.insert(binding);
        return binding;
    }

    /** The agent's row locked for this transaction: a second binding made at once waits here and then counts this one. */
    private void lockAgent(String agentId) {
        if (mapper.lockAgent(agentId) == null) {
            try {
                mapper.insertAgent(agentId);
            } catch (DuplicateKeyException madeMeanwhile) {
                // another binding for the same agent made the row first: wait for its lock below
            }
            mapper.lockAgent(agentId);
        }
    }

    /** Ends a binding on the holder's or the agent's word; an ended binding stays in the history. */
    @Transactional
    public void end(long id, String side, String by) {
        FamilyBinding binding = require(id);
        if (binding.getEndedAt() != null) {
            throw RefusedRequest.conflict("bindingId", "该绑定已解除", "the binding has already ended");
        }
        mapper.end(id, clock.now(), by, side);
    }

    /** Renews a binding with a new consent: another year from it. */
    @Transactional
    public FamilyBinding renew(long id, LocalDate consentDate) {
        FamilyBinding binding = require(id);
        if (binding.getEndedAt() != null) {
            throw RefusedRequest.conflict("bindingId", "该绑定已解除，不能续期，请重新绑定", "the binding has ended: bind again");
        }
        if (consentDate.isAfter(clock.today()) || consentDate.isBefore(binding.getConsentDate())) {
            throw RefusedRequest.badInput("consentDate", "续期同意日期须在原同意日期之后、不晚于今天",
                    "must be after the earlier consent and not after today");
        }
        mapper.renew(id, consentDate, consentDate.plusYears(1));
        return require(id);
    }

    /** The binding in force that lets {@code agentIdNumber} apply for {@code holderIdNumber}, if any. */
    public Optional<FamilyBinding> inForce(String holderIdNumber, String agentIdNumber) {
        LocalDate today = clock.today();
        return mapper.ofAgent(agentIdNumber.toUpperCase()).stream()
                .filter(b -> b.getHolderIdNumber().equals(holderIdNumber.toUpperCase()) && b.inForce(today)).findFirst();
    }

    /** Records an application made through the binding (in the holder's history). */
    public void recordUse(long bindingId, String caseId, String by) {
        mapper.insertUse(bindingId, caseId, clock.now(), by);
    }

    public List<FamilyBinding> ofHolder(String idNumber) {
        return mapper.ofHolder(idNumber.toUpperCase());
    }

    public List<FamilyBinding> ofAgent(String idNumber) {
        return mapper.ofAgent(idNumber.toUpperCase());
    }

    public List<Map<String, Object>> uses(long bindingId) {
        return mapper.usesOf(bindingId);
    }

    public FamilyBinding require(long id) {
        FamilyBinding binding = mapper.find(id);
        if (binding == null) {
            throw RefusedRequest.notFound("bindingId", "没有这个亲情代办绑定：" + id, "no such binding: " + id);
        }
        return binding;
    }

    boolean inForceToday(FamilyBinding binding) {
        return binding.inForce(clock.today());
    }

    private static String idNumber(String field, String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            throw RefusedRequest.badInput(field, "必须填写身份证号码", "is required");
        }
        try {
            return ResidentIdNumber.read(text, today).value();
        } catch (ResidentIdNumber.Invalid e) {
            throw RefusedRequest.badInput(field, e.messageZh(), e.messageEn());
        }
    }

    static String masked(String idNumber) {
        return PersonalData.maskIdNumber(idNumber);
    }
}
