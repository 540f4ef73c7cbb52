package cn.yijianshi.family;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.yijianshi.intake.ValidResidentId;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.RefusedRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 亲情代办 bindings over HTTP. ID numbers are masked in every answer. */
@RestController
public class FamilyBindingController {

    private final FamilyBindings bindings;
    private final HallClock clock;

    public FamilyBindingController(FamilyBindings bindings, HallClock clock) {
        this.bindings = bindings;
        this.clock = clock;
    }

    public record AgentRequest(
            @NotBlank(message = "必须填写代办人姓名|is required") @Size(max = 50, message = "姓名过长|too long") String name,
            @NotBlank(message = "必须填写代办人身份证号码|is required") @ValidResidentId String idNumber,
            @NotBlank(message = "必须填写与本人关系|is required") @Size(max = 50, message = "关系过长|too long") String relation) {
    }

    public record BindingRequest(
            @NotBlank(message = "必须填写本人身份证号码|is required") @ValidResidentId String holderIdNumber,
            @NotNull(message = "必须填写代办人|is required") @Valid AgentRequest agent,
            @NotNull(message = "必须填写本人同意日期|is required") LocalDate consentDate) {
    }

    public record RenewalRequest(@NotNull(message = "必须填写本人同意日期|is required") LocalDate consentDate) {
    }

    /** A binding as shown: masked numbers, whether it is in force today, and every application made through it. */
    public record BindingView(long bindingId, String holderIdNumber, String agentName, String agentIdNumber,
                              String relation, LocalDate consentDate, LocalDate expiresOn, boolean inForce,
                              Instant createdAt, String createdBy, Instant endedAt, String endedBy, String endedSide,
                              List<Map<String, Object>> uses) {
    }

    @PostMapping("/api/family-bindings")
    public ResponseEntity<Map<String, Object>> bind(@RequestBody @Valid BindingRequest request, Principal clerk) {
        FamilyBinding binding = bindings.bind(request.holderIdNumber(), new FamilyBindings.Agent(request.agent().name(),
                request.agent().idNumber(), request.agent().relation()), request.consentDate(), clerk.getName());
        return ResponseEntity.created(URI.create("/api/family-bindings/" + binding.getId()))
                .body(Map.of("bindingId", binding.getId(), "expiresOn", binding.getExpiresOn().toString()));
    }

    @GetMapping("/api/family-bindings")
    public List<BindingView> list(@RequestParam(required = false) String holderIdNumber,
                                  @RequestParam(required = false) String agentIdNumber) {
        if ((holderIdNumber == null) == (agentIdNumber == null)) {
            throw RefusedRequest.badInput("holderIdNumber", "请给出 holderIdNumber 或 agentIdNumber 之一",
                    "give either holderIdNumber or agentIdNumber");
        }
        List<FamilyBinding> found = holderIdNumber != null ? bindings.ofHolder(holderIdNumber) : bindings.ofAgent(agentIdNumber);
        return found.stream().map(this::view).toList();
    }

    @GetMapping("/api/family-bindings/{id}")
    public BindingView get(@PathVariable long id) {
        return view(bindings.require(id));
    }

    /** Ends a binding; {@code side} says who asked (HOLDER or AGENT). */
    @DeleteMapping("/api/family-bindings/{id}")
    public ResponseEntity<Void> end(@PathVariable long id, @RequestParam(required = false) String side, Principal clerk) {
        if (side != null && !side.equals("HOLDER") && !side.equals("AGENT")) {
            throw RefusedRequest.badInput("side", "side 须为 HOLDER（本人）或 AGENT（代办人）", "must be HOLDER or AGENT");
        }
        bindings.end(id, side, clerk.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/family-bindings/{id}/renewal")
    public BindingView renew(@PathVariable long id, @RequestBody @Valid RenewalRequest request) {
        return view(bindings.renew(id, request.consentDate()));
    }

    private BindingView view(FamilyBinding b) {
        List<Map<String, Object>> uses = bindings.uses(b.getId()).stream().map(row -> Map.<String, Object>of(
                "caseId", String.valueOf(value(row, "case_id")), "usedAt", at(value(row, "used_at")),
                "usedBy", String.valueOf(value(row, "used_by")))).toList();
        return new BindingView(b.getId(), FamilyBindings.masked(b.getHolderIdNumber()), b.getAgentName(),
                FamilyBindings.masked(b.getAgentIdNumber()), b.getRelation(), b.getConsentDate(), b.getExpiresOn(),
                b.inForce(clock.today()), b.getCreatedAt(), b.getCreatedBy(), b.getEndedAt(), b.getEndedBy(),
                b.getEndedSide(), uses);
    }

    private String at(Object stored) {
        return stored instanceof java.util.Date date ? clock.inHallZone(date).toString() : String.valueOf(stored);
    }

    private static Object value(Map<String, Object> row, String column) {
        return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
    }
}
