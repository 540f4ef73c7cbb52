package cn.yijianshi.closure;

import java.net.URI;
import java.security.Principal;
import java.util.Map;

import cn.yijianshi.security.HallGroup;
import cn.yijianshi.system.RefusedRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
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

    public IssueController(IssueLedger ledger) {
        this.ledger = ledger;
    }

    @PostMapping
    public ResponseEntity<Map<String, String>> raise(@RequestBody @Valid NewIssue request, Principal user) {
        if (HallGroup.byId(request.responsibleDept()).isEmpty()) {
            throw RefusedRequest.badInput("responsibleDept", "没有这个部门：" + request.responsibleDept(),
                    "no such department: " + request.responsibleDept());
        }
        Issue issue = ledger.raise(request, user.getName(), false);
        return ResponseEntity.created(URI.create("/api/issues/" + issue.getIssueId()))
                .body(Map.of("issueId", issue.getIssueId(), "status", issue.getStatus().name()));
    }

    @PostMapping("/{issueId}/status")
    public IssueView change(@PathVariable String issueId, @RequestBody @Valid IssueChange change, Principal user) {
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
