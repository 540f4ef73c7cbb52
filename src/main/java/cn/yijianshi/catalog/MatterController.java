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
    private final RequiredMaterials requiredMaterials;

    public MatterController(MatterCatalog catalog, Departments departments, RequiredMaterials requiredMaterials) {
        this.catalog = catalog;
        this.departments = departments;
        this.requiredMaterials = requiredMaterials;
    }

    public record MaterialsQuery(@jakarta.validation.constraints.Size(max = 100) Map<String, Object> facts,
                                 @jakarta.validation.constraints.Size(max = 20) String applicantGender,
                                 @jakarta.validation.constraints.Size(max = 20) String channel) {
    }

    /**
     * 应交材料 for these facts, as the matter's materials table decides them ({@code decided: false} while a field the
     * table reads is blank): the window's checklist, live as the clerk fills the form.
     */
    @org.springframework.web.bind.annotation.PostMapping("/api/matters/{key}/required-materials")
    public Map<String, Object> requiredMaterials(@PathVariable String key,
                                                 @org.springframework.web.bind.annotation.RequestBody
                                                 @jakarta.validation.Valid MaterialsQuery query) {
        Matter matter = catalog.find(key).orElseThrow(() -> RefusedRequest.notFound("key", "没有这个事项：" + key,
                "no such matter: " + key));
        Map<String, Object> context = new java.util.HashMap<>();
        context.put("applicantKind", matter.applicantKind().name());
        context.put("applicantGender", query.applicantGender());
        context.put("channel", query.channel());
        var required = requiredMaterials.of(matter, query.facts() == null ? Map.of() : query.facts(), context);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("decided", required.isPresent());
        answer.put("required", required.orElse(List.of()));
        return answer;
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
