package cn.yijianshi.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.system.RefusedRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The catalog over HTTP: which matters the hall runs (for the window's screen and 码上办), and its departments. */
@RestController
public class MatterController {

    private final MatterCatalog catalog;
    private final Departments departments;

    public MatterController(MatterCatalog catalog, Departments departments) {
        this.catalog = catalog;
        this.departments = departments;
    }

    @GetMapping("/api/matters")
    public List<Map<String, Object>> matters() {
        return catalog.all().stream().map(this::summary).toList();
    }

    /** One matter with what a screen needs to take an application: its intake form and its materials. */
    @GetMapping("/api/matters/{key}")
    public Map<String, Object> matter(@PathVariable String key) {
        Matter matter = catalog.find(key).orElseThrow(() -> RefusedRequest.notFound("key", "没有这个事项：" + key,
                "no such matter: " + key));
        Map<String, Object> answer = summary(matter);
        answer.put("caseIdPrefix", matter.caseIdPrefix());
        answer.put("reportCategory", matter.reportCategory());
        answer.put("promise", matter.promise());
        answer.put("materials", matter.materialsOrEmpty());
        answer.put("intakeForm", catalog.intakeForm(matter).orElse(null));
        return answer;
    }

    @GetMapping("/api/departments")
    public List<Department> departments() {
        return departments.all();
    }

    private Map<String, Object> summary(Matter matter) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("key", matter.key());
        summary.put("name", matter.name());
        summary.put("processKey", matter.processKey());
        summary.put("applicantKind", matter.applicantKind());
        summary.put("departments", matter.departments().stream().map(code -> departments.byCode(code)
                .map(d -> Map.of("code", d.code(), "name", d.name(), "group", d.group()))
                .orElse(Map.of("code", code, "name", code, "group", code))).toList());
        summary.put("channels", matter.channels());
        summary.put("online", matter.online());
        return summary;
    }
}
