package cn.yijianshi.intake;

import java.net.URI;
import java.security.Principal;

import cn.yijianshi.system.LockConflictRetry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 一窗受理 over HTTP: open a case, look one up. */
@RestController
@RequestMapping("/api/cases")
public class CaseController {

    private final CaseIntake intake;
    private final CaseLookup lookup;
    private final MaterialSupplement supplement;
    private final LockConflictRetry retry;
    private final CaseVisibility visibility;
    private final CaseSearch search;

    public CaseController(CaseIntake intake, CaseLookup lookup, MaterialSupplement supplement,
                          LockConflictRetry retry, CaseVisibility visibility, CaseSearch search) {
        this.visibility = visibility;
        this.search = search;
        this.intake = intake;
        this.retry = retry;
        this.lookup = lookup;
        this.supplement = supplement;
    }

    public record SupplementRequest(
            @jakarta.validation.constraints.NotEmpty(message = "至少补正一项材料|at least one material is required")
            java.util.List<@jakarta.validation.constraints.NotBlank(message = "材料代码不能为空|must not be blank") String> materials) {
    }

    @PostMapping
    public ResponseEntity<IntakeResult> open(
            @RequestBody @Valid CaseIntakeRequest request,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKeyHeader,
            Principal clerk) {
        String idempotencyKey = IdempotencyKey.check(idempotencyKeyHeader);
        var replay = intake.replay(idempotencyKey, request);
        if (replay.isPresent()) {
            return ResponseEntity.ok(replay.get());
        }
        try {
            IntakeResult result = retry.run("intake", () -> intake.accept(request, idempotencyKey, clerk.getName()));
            return ResponseEntity.created(URI.create("/api/cases/" + result.caseId())).body(result);
        } catch (DuplicateKeyException sameKeyAcceptedMeanwhile) {
            return intake.replay(idempotencyKey, request).map(ResponseEntity::ok)
                    .orElseThrow(() -> sameKeyAcceptedMeanwhile);
        }
    }

    /** 补正材料: the citizen brought what the one-time notice listed; only where the caller may see the case. */
    @PostMapping("/{caseId}/materials")
    public CaseView supply(@PathVariable String caseId, @RequestBody @Valid SupplementRequest request,
                           org.springframework.security.core.Authentication clerk) {
        visibility.require(caseId, clerk);
        supplement.supply(caseId, request.materials(), clerk.getName());
        return lookup.view(caseId);
    }

    /** A case the caller may see ({@link CaseVisibility}): 403 for another point's or department's case. */
    @GetMapping("/{caseId}")
    public CaseView get(@PathVariable String caseId, org.springframework.security.core.Authentication user) {
        visibility.require(caseId, user);
        return lookup.view(caseId);
    }

    /** 办件查询: by case id, by applicant name and days accepted, by the ID number's last 6 characters. */
    @GetMapping
    public java.util.List<CaseSearch.Found> search(
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Size(max = 32) String caseId,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Size(max = 50) String name,
            @org.springframework.web.bind.annotation.RequestParam(required = false)
            @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
            java.time.LocalDate from,
            @org.springframework.web.bind.annotation.RequestParam(required = false)
            @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
            java.time.LocalDate to,
            @org.springframework.web.bind.annotation.RequestParam(required = false) @Size(max = 6) String idLast6,
            org.springframework.security.core.Authentication user) {
        return search.search(caseId, name, from, to, idLast6, user);
    }
}
