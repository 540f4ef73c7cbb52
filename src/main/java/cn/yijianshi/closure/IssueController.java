package cn.yijianshi.closure;

import java.net.URI;
import java.security.Principal;
import java.util.Map;

import cn.yijianshi.security.HallGroup;
import cn.yijianshi.system.LockConflictRetry;
import cn.yijianshi.system.RefusedRequest;
import jakarta.validation.Valid;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 问题清单 over HTTP. */
@RestController
@RequestMapping("/api/issues")
public class IssueController {

    private final IssueLedger ledger;
    private final RuntimeService runtimeService;
    private final LockConflictRetry retry;

    private final cn.yijianshi.catalog.Departments departments;

    public IssueController(IssueLedger ledger, RuntimeService runtimeService, LockConflictRetry retry,
                           cn.yijianshi.catalog.Departments departments) {
        this.departments = departments;
        this.ledger = ledger;
        this.retry = retry;
        this.runtimeService = runtimeService;
    }

    @PostMapping
    public ResponseEntity<Map<String, String>> raise(@RequestBody @Valid NewIssue request, Principal user) {
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

    @GetMapping
    public IssueLedger.Page search(@RequestParam(required = false) IssueStatus status,
                                   @RequestParam(required = false) String dept,
                                   @RequestParam(defaultValue = "false") boolean overdue,
                                   @RequestParam(defaultValue = "0") int page) {
        if (page < 0 || page > 100_000) {
            throw RefusedRequest.badInput("page", "页码须在 0 到 100000 之间", "page must be 0 to 100000");
        }
        return ledger.search(status, dept, overdue, page);
    }

    @GetMapping("/{issueId}")
    public IssueView get(@PathVariable String issueId) {
        return ledger.view(issueId);
    }
}
