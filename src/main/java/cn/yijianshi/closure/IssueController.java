package cn.yijianshi.closure;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.security.HallGroup;
import cn.yijianshi.system.LockConflictRetry;
import cn.yijianshi.system.RefusedRequest;
import cn.yijianshi.upload.FileKind;
import cn.yijianshi.upload.UploadPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 问题清单 over HTTP: the list, raising, one issue with its history and evidence, attachments, 领导督办. */
@RestController
@RequestMapping("/api/issues")
public class IssueController {

    private final IssueLedger ledger;
    private final RuntimeService runtimeService;
    private final LockConflictRetry retry;
    private final IssueAccess access;
    private final IssueSteps steps;
    private final UploadPolicy uploads;
    private final cn.yijianshi.catalog.Departments departments;
    private final WeeklyIssueAnalysis weekly;
    private final org.camunda.bpm.engine.IdentityService identity;
    private final cn.yijianshi.system.HallClock clock;

    public IssueController(IssueLedger ledger, RuntimeService runtimeService, LockConflictRetry retry, IssueAccess access,
                           IssueSteps steps, UploadPolicy uploads, cn.yijianshi.catalog.Departments departments,
                           WeeklyIssueAnalysis weekly, org.camunda.bpm.engine.IdentityService identity,
                           cn.yijianshi.system.HallClock clock) {
        this.identity = identity;
        this.clock = clock;
        this.weekly = weekly;
        this.departments = departments;
        this.ledger = ledger;
        this.retry = retry;
        this.runtimeService = runtimeService;
        this.access = access;
        this.steps = steps;
        this.uploads = uploads;
    }

    @PostMapping
    public ResponseEntity<Map<String, String>> raise(@RequestBody @Valid NewIssue request, Authentication user) {
        access.requireRaise(user);
        if (!departments.knowsGroup(request.responsibleDept())) {
            throw RefusedRequest.badInput("responsibleDept", "没有这个部门：" + request.responsibleDept(),
                    "no such department: " + request.responsibleDept());
        }
        Issue issue = retry.run("raise issue", () -> ledger.raise(request, user.getName(), false));
        return ResponseEntity.created(URI.create("/api/issues/" + issue.getIssueId()))
                .body(Map.of("issueId", issue.getIssueId(), "status", issue.getStatus().name()));
    }

    /**
     * By hand, for issues no process is working on (e.g. referred elsewhere and answered): coordinators,
     * experts and administrators only. While the expert workstation's process runs for the issue, its
     * steps in Tasklist move it, never this endpoint.
     */
    @PostMapping("/{issueId}/status")
    @PreAuthorize("hasAnyAuthority('GROUP_coordinators', 'GROUP_experts', 'GROUP_camunda-admin')")
    public IssueView change(@PathVariable String issueId, @RequestBody @Valid IssueChange change, Principal user) {
        Issue issue = ledger.require(issueId);
        boolean inProcess = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(issueId).count() > 0
                || (issue.getProcessInstanceId() != null
                    && runtimeService.createProcessInstanceQuery().processInstanceId(issue.getProcessInstanceId()).count() > 0);
        if (inProcess) {
            throw RefusedRequest.conflict("status", "问题 " + issueId + " 正在疑难件流程中办理，请在任务列表中办理对应任务",
                    "issue " + issueId + " is being worked in the hard-case process: complete its task in Tasklist");
        }
        ledger.change(issueId, change, user.getName());
        return ledger.view(issueId);
    }

    /**
     * The list: {@code status, source, category, dept, person, overdue, from, to, sort=deadline|raised, page}; a
     * department's clerk sees her department's issues only.
     */
    @GetMapping
    public IssueLedger.Page search(@RequestParam Map<String, String> parameters, Authentication user) {
        access.requireList(user);
        int page = page(parameters.get("page"));
        IssueFilter filter = IssueFilter.parse(parameters, departments::knowsGroup);
        List<String> scope = access.scope(user);
        return ledger.search(scope == null ? filter : filter.within(scope), page);
    }

    /** What the page offers: categories with their policy, sources, statuses and departments, by their Chinese names. */
    @GetMapping("/choices")
    public Map<String, Object> choices(Authentication user) {
        Map<String, Object> choices = new LinkedHashMap<>();
        choices.put("categories", Arrays.stream(IssueCategory.values()).map(c -> Map.of("code", c.name(), "name", c.displayName(),
                "workingDays", ledger.policy().workingDays(c), "evidenceRequired", ledger.policy().requiresEvidence(c))).toList());
        choices.put("sources", Arrays.stream(IssueSource.values()).map(s -> Map.of("code", s.name(), "name", s.displayName())).toList());
        choices.put("statuses", Arrays.stream(IssueStatus.values()).map(s -> Map.of("code", s.name(), "name", s.displayName())).toList());
        List<Map<String, String>> depts = new java.util.ArrayList<>();
        departments.all().forEach(d -> depts.add(Map.of("code", d.group(), "name", d.name())));
        if (departments.byGroup(HallGroup.COORDINATORS.id()).isEmpty()) {
            depts.add(Map.of("code", HallGroup.COORDINATORS.id(), "name", HallGroup.COORDINATORS.displayName()));
        }
        choices.put("departments", depts);
        List<String> groups = HallGroup.groupIds(user.getAuthorities());
        var person = identity.createUserQuery().userId(user.getName()).singleResult();
        choices.put("now", clock.now().atZone(clock.zone()).toLocalDateTime().withSecond(0).withNano(0).toString());
        choices.put("user", Map.of("id", user.getName(),
                "name", person == null || person.getFirstName() == null ? user.getName() : person.getFirstName().trim(),
                "mayRaise", mayDo(() -> access.requireRaise(user)),
                "coordinator", groups.contains(HallGroup.COORDINATORS.id()) || groups.contains(HallGroup.ADMIN.id()),
                "leader", groups.contains(HallGroup.LEADERS.id()) || groups.contains(HallGroup.ADMIN.id()),
                "scope", access.scope(user) == null ? List.of() : access.scope(user)));
        return choices;
    }

    @GetMapping("/{issueId}")
    public IssueView get(@PathVariable String issueId, Authentication user) {
        access.requireRead(ledger.require(issueId), user);
        IssueView view = ledger.view(issueId);
        return view.withSteps(steps.openOn(ledger.require(issueId)));
    }

    /** Evidence (告知书 scans, photos, PDFs): through the upload policy's "attachment" rule, kept in the database. */
    @PostMapping(path = "/{issueId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, Object>> attach(@PathVariable String issueId,
                                                      @RequestPart(name = "file", required = false) MultipartFile file,
                                                      Authentication user) throws java.io.IOException {
        Issue issue = ledger.require(issueId);
        access.requireAttach(issue, user);
        FileKind kind = uploads.accept("attachment", file);
        String name = fileName(file.getOriginalFilename(), kind);
        byte[] content = file.getBytes();
        long id = retry.run("attach evidence", () -> ledger.attach(issueId, name, kind.mediaType(), content, user.getName()));
        String href = "/api/issues/" + issueId + "/attachments/" + id;
        return ResponseEntity.created(URI.create(href)).body(Map.of("id", id, "fileName", name, "mediaType", kind.mediaType(),
                "sizeBytes", content.length, "href", href));
    }

    @GetMapping("/{issueId}/attachments/{attachmentId}")
    public ResponseEntity<byte[]> download(@PathVariable String issueId, @PathVariable long attachmentId, Authentication user) {
        access.requireRead(ledger.require(issueId), user);
        IssueLedger.Download file = ledger.download(issueId, attachmentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    public record SupervisionRequest(
            @NotBlank(message = "必须写明督办原因|a reason is required") @Size(max = 1000, message = "督办原因最多1000字|at most 1000 characters") String reason,
            @NotNull(message = "必须填写督办时限（YYYY-MM-DD）|a deadline is required") LocalDate deadline) {
    }

    /** 领导督办 on demand: coordinators ask the leaders to supervise an open issue, with a reason and a deadline. */
    @PostMapping("/{issueId}/supervision")
    public ResponseEntity<IssueView> supervise(@PathVariable String issueId, @RequestBody @Valid SupervisionRequest request,
                                               Authentication user) {
        Issue issue = ledger.require(issueId);
        access.requireCoordinator(user, "提请领导督办");
        retry.run("leader supervision", () -> {
            ledger.superviseByLeaders(issue.getIssueId(), request.reason(), request.deadline(), user.getName());
            return null;
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(get(issueId, user));
    }

    /** The weekly analysis (每周问题分析) of the week holding {@code week} (default: this week), against the week before. */
    @GetMapping("/weekly")
    public WeeklyIssueAnalysis.Week weekly(@RequestParam(required = false) String week, Authentication user) {
        access.requireList(user);
        return weekly.of(week);
    }

    private static int page(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            int page = Integer.parseInt(text.trim());
            if (page >= 0 && page <= 100_000) {
                return page;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw RefusedRequest.badInput("page", "页码须在 0 到 100000 之间", "page must be 0 to 100000");
    }

    /** The name the file is kept under: the client's name without any path, with the extension of what it really is. */
    static String fileName(String original, FileKind kind) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
        if (name.length() > 150) {
            name = name.substring(name.length() - 150);
        }
        String extension = switch (kind) {
            case PDF -> ".pdf";
            case PNG -> ".png";
            case JPEG -> ".jpg";
            case ZIP -> ".zip";
            case TEXT -> ".txt";
        };
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean fits = lower.endsWith(extension) || (kind == FileKind.JPEG && lower.endsWith(".jpeg"));
        return (name.isEmpty() ? "佐证材料" : name) + (fits ? "" : extension);
    }

    private static boolean mayDo(Runnable check) {
        try {
            check.run();
            return true;
        } catch (RefusedRequest refused) {
            return false;
        }
    }
}
