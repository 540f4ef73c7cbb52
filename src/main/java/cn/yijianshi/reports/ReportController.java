package cn.yijianshi.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.RefusedRequest;
import org.mybatis.spring.SqlSessionTemplate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Managers' Excel reports: the list, and each workbook streamed as it is written. */
@RestController
public class ReportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReportCatalogue catalogue;
    private final SqlSessionTemplate sql;
    private final TransactionTemplate transaction;
    private final HallClock clock;

    private final cn.yijianshi.catalog.Departments departments;
    private final cn.yijianshi.catalog.MatterCatalog matters;
    private final cn.yijianshi.points.ServicePointRegistry points;

    public ReportController(ReportCatalogue catalogue, SqlSessionTemplate sql, TransactionTemplate transaction, HallClock clock,
                            cn.yijianshi.catalog.Departments departments, cn.yijianshi.catalog.MatterCatalog matters,
                            cn.yijianshi.points.ServicePointRegistry points) {
        this.points = points;
        this.matters = matters;
        this.departments = departments;
        this.catalogue = catalogue;
        this.sql = sql;
        this.transaction = transaction;
        this.clock = clock;
    }

    @GetMapping("/api/reports")
    public List<Map<String, Object>> list(Authentication user) {
        return catalogue.all().stream().filter(r -> catalogue.mayDownload(r, user.getAuthorities()))
                .map(r -> Map.<String, Object>of("name", r.name(), "title", r.title(), "parameters", r.parameters(),
                        "href", "/api/reports/" + r.name() + ".xlsx"))
                .toList();
    }

    /** The departments a report may be filtered by, with their Chinese names (for the /reports page). */
    @GetMapping("/api/reports/departments")
    public List<Map<String, String>> departments() {
        return departments.all().stream().map(d -> Map.of("id", d.group(), "name", d.name())).toList();
    }

    /** The 问题清单's filters a report lists among its parameters (问题销号台账); asking another report for one is 400 naming it. */
    private static final List<String> ISSUE_FILTERS = List.of("status", "source", "category", "person", "overdue");

    private static ReportParameters withIssueFilter(ReportDefinition report, ReportParameters parameters, Map<String, String> all) {
        Map<String, String> given = new java.util.HashMap<>();
        for (String name : ISSUE_FILTERS) {
            String value = all.get(name);
            if (value == null || value.isBlank()) {
                continue;
            }
            if (!report.parameters().contains(name)) {
                throw RefusedRequest.badInput(name, "「" + report.title() + "」不按此条件筛选，请去掉 " + name,
                        report.name() + " is not filtered by " + name + ": leave it out");
            }
            given.put(name, value);
        }
        return given.isEmpty() ? parameters
                : parameters.picking(cn.yijianshi.closure.IssueFilter.parse(given, group -> true));
    }

    @GetMapping("/api/reports/{name}.xlsx")
    public ResponseEntity<StreamingResponseBody> download(@PathVariable String name, @RequestParam(required = false) String from,
                                                          @RequestParam(required = false) String to,
                                                          @RequestParam(required = false) String dept,
                                                          @RequestParam(required = false) String matter,
                                                          @RequestParam(required = false) String point,
                                                          @RequestParam Map<String, String> all, Authentication user) {
        ReportDefinition report = catalogue.require(name);
        if (!catalogue.mayDownload(report, user.getAuthorities())) {
            throw RefusedRequest.forbidden("name", "无权下载「" + report.title() + "」", "not allowed to download " + name);
        }
        if (dept != null && !dept.isBlank() && !report.parameters().contains("dept")) {
            throw RefusedRequest.badInput("dept", "「" + report.title() + "」不按部门筛选，请去掉部门",
                    report.name() + " is not filtered by department: leave dept out");
        }
        if (matter != null && !matter.isBlank() && !report.parameters().contains("matter")) {
            throw RefusedRequest.badInput("matter", "「" + report.title() + "」不按事项筛选，请去掉事项",
                    report.name() + " is not filtered by matter: leave matter out");
        }
        if (point != null && !point.isBlank() && !report.parameters().contains("point")) {
            throw RefusedRequest.badInput("point", "「" + report.title() + "」不按服务网点筛选，请去掉网点",
                    report.name() + " is not filtered by service point: leave point out");
        }
        ReportParameters parameters = ReportParameters.parse(from, to, dept, matter, key -> matters.find(key).isPresent());
        if (point != null && !point.isBlank()) {
            var chosen = points.find(point.trim()).orElseThrow(() -> RefusedRequest.badInput("point",
                    "没有这个服务网点：" + point, "no such service point: " + point));
            parameters = parameters.under(chosen.getCode(), chosen.getName(),
                    cn.yijianshi.points.ServicePointRegistry.subtree(chosen.getPath()));
        }
        parameters = withIssueFilter(report, parameters, all);
        ReportParameters chosenParameters = parameters;
        WorkbookWriter writer = new WorkbookWriter(sql, clock.zone(), clock.today());
        StreamingResponseBody body = out -> transaction.executeWithoutResult(status -> {
            try {
                writer.write(report, chosenParameters, out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String fileName = report.title() + "_" + parameters.from() + "_" + parameters.to() + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
