package cn.yijianshi.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.yijianshi.system.RefusedRequest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.dmn.Dmn;
import org.springframework.stereotype.Component;

/**
 * 上传事项: an administrator's zip of one matter folder (matter.json, its BPMN, DMN tables and forms) is checked whole and
 * deployed as a new Camunda deployment, or refused with every problem listed and nothing deployed. Running cases stay on
 * their version; every node sees the new one at its next request (the catalog reads the shared deployments).
 * The checks are those the hall relies on: the matter file is complete, the BPMN parses, its process is the matter's and
 * a case process, every element has a readable id and a Chinese name, no task joins or splits without a gateway
 * (bpmnlint's fake-join and no-implicit-split), every user task has a form in the zip and a candidate group that exists.
 */
@Component
public class MatterUpload {

    static final int MAX_ENTRIES = 200;
    static final long MAX_UNZIPPED_BYTES = 20L * 1024 * 1024;
    private static final Pattern READABLE_ID = Pattern.compile("[A-Z][A-Za-z]*_[A-Za-z0-9_]+");
    private static final Pattern RANDOM_SUFFIX = Pattern.compile(".*_[0-9][a-z0-9]{6}$");
    private static final Pattern CHINESE = Pattern.compile(".*[\\u4e00-\\u9fff].*");

    private final RepositoryService repository;
    private final MatterCatalog catalog;
    private final Departments departments;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public MatterUpload(RepositoryService repository, MatterCatalog catalog, Departments departments) {
        this.repository = repository;
        this.catalog = catalog;
        this.departments = departments;
    }

    /** What was deployed. */
    public record Deployed(String key, String name, String deploymentId, String processDefinitionId, int version) {
    }

    public Deployed deploy(byte[] zip, String administrator) {
        Map<String, byte[]> files = unzip(zip);
        List<String> problems = new ArrayList<>();
        Matter matter = matterFile(files, problems);
        Map<String, JsonNode> forms = forms(files, problems);
        if (matter != null) {
            checkMatter(matter, forms, problems);
            if (matter.processKey() != null) {
                checkBpmn(matter, files, forms, problems);
            }
        }
        checkDmn(files, problems);
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        DeploymentBuilder deployment = repository.createDeployment().name("matter:" + matter.key())
                .source("上传：" + administrator);
        files.forEach((name, bytes) -> deployment.addInputStream(name, new ByteArrayInputStream(bytes)));
        DeploymentWithDefinitions result;
        try {
            result = deployment.deployWithResult();
        } catch (RuntimeException engineRefused) {
            StringBuilder reasons = new StringBuilder();
            for (Throwable cause = engineRefused; cause != null && reasons.length() < 2000; cause = cause.getCause()) {
                reasons.append(reasons.length() == 0 ? "" : " ← ").append(cause.getMessage());
            }
            throw refused(List.of("引擎拒绝部署：" + reasons));
        }
        ProcessDefinition definition = result.getDeployedProcessDefinitions().stream()
                .filter(d -> d.getKey().equals(matter.processKey())).findFirst().orElseThrow();
        return new Deployed(matter.key(), matter.name(), result.getId(), definition.getId(), definition.getVersion());
    }

    private static RefusedRequest refused(List<String> problems) {
        return RefusedRequest.badInput("file", "事项包未通过检查，未部署：" + String.join("；", problems),
                "the matter package was refused and nothing was deployed (" + problems.size() + " problem(s), listed in messageZh)");
    }

    private Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                if (name.contains("..") || name.startsWith("/") || name.contains("\\")) {
                    throw RefusedRequest.badInput("file", "压缩包中有不允许的路径：" + name, "path not allowed in the archive: " + name);
                }
                if (files.size() >= MAX_ENTRIES) {
                    throw RefusedRequest.badInput("file", "压缩包文件过多（最多" + MAX_ENTRIES + "个）",
                            "too many files in the archive (at most " + MAX_ENTRIES + ")");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int read;
                while ((read = in.read(buffer)) > 0) {
                    total += read;
                    if (total > MAX_UNZIPPED_BYTES) {
                        throw RefusedRequest.payloadTooLarge("file", "解压后超过20MB", "more than 20 MB once unzipped");
                    }
                    out.write(buffer, 0, read);
                }
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (base.endsWith(".bpmn") || base.endsWith(".dmn") || base.endsWith(".form") || base.equals(MatterCatalog.MATTER_FILE)) {
                    files.put(name, out.toByteArray());
                }
            }
        } catch (IOException e) {
            throw RefusedRequest.badInput("file", "不是有效的 ZIP 压缩包", "not a readable ZIP archive");
        }
        return files;
    }

    private Matter matterFile(Map<String, byte[]> files, List<String> problems) {
        List<String> found = files.keySet().stream().filter(n -> n.endsWith(MatterCatalog.MATTER_FILE)).toList();
        if (found.size() != 1) {
            problems.add("须有且只有一个 matter.json（找到 " + found.size() + " 个）");
            return null;
        }
        try {
            Matter matter = json.readValue(files.get(found.get(0)), Matter.class);
            problems.addAll(matter.problems());
            return matter;
        } catch (IOException e) {
            problems.add("matter.json 无法读取：" + e.getMessage());
            return null;
        }
    }

    private Map<String, JsonNode> forms(Map<String, byte[]> files, List<String> problems) {
        Map<String, JsonNode> forms = new LinkedHashMap<>();
        files.forEach((name, bytes) -> {
            if (name.endsWith(".form")) {
                try {
                    JsonNode form = json.readTree(bytes);
                    if (!form.hasNonNull("id") || !form.path("components").isArray()) {
                        problems.add(name + " 不是表单（须有 id 与 components）");
                    } else {
                        forms.put(form.get("id").asText(), form);
                    }
                } catch (IOException e) {
                    problems.add(name + " 不是有效的 JSON");
                }
            }
        });
        return forms;
    }

    private void checkMatter(Matter matter, Map<String, JsonNode> forms, List<String> problems) {
        for (String code : matter.departments() == null ? List.<String>of() : matter.departments()) {
            if (departments.byCode(code).isEmpty()) {
                problems.add("departments 中的 " + code + " 不是本厅的部门（见 GET /api/departments）");
            }
        }
        if (matter.intakeForm() != null && !forms.containsKey(matter.intakeForm())) {
            problems.add("受理表单 " + matter.intakeForm() + " 不在包中");
        }
        for (Matter other : catalog.all()) {
            if (!other.key().equals(matter.key()) && other.caseIdPrefix().equals(matter.caseIdPrefix())) {
                problems.add("办件编号前缀 " + matter.caseIdPrefix() + " 已被 " + other.name() + " 使用");
            }
            if (!other.key().equals(matter.key()) && other.processKey().equals(matter.processKey())) {
                problems.add("流程 " + matter.processKey() + " 已属于 " + other.name());
            }
        }
    }

    private void checkBpmn(Matter matter, Map<String, byte[]> files, Map<String, JsonNode> forms, List<String> problems) {
        boolean found = false;
        for (var file : files.entrySet()) {
            if (!file.getKey().endsWith(".bpmn")) {
                continue;
            }
            BpmnModelInstance model;
            try {
                model = Bpmn.readModelFromStream(new ByteArrayInputStream(file.getValue()));
            } catch (RuntimeException e) {
                problems.add(file.getKey() + " 不是有效的 BPMN：" + e.getMessage());
                continue;
            }
            for (Process process : model.getModelElementsByType(Process.class)) {
                if (process.getId().equals(matter.processKey())) {
                    found = true;
                    if (!caseProcess(process)) {
                        problems.add("流程 " + process.getId() + " 须声明 caseProcess=true（camunda:properties）");
                    }
                }
                checkElements(file.getKey(), process.getFlowElements(), forms, problems);
            }
        }
        if (!found) {
            problems.add("包中没有 id 为 " + matter.processKey() + " 的流程（matter.json 的 processKey）");
        }
    }

    private void checkElements(String file, Collection<? extends org.camunda.bpm.model.bpmn.instance.FlowElement> elements,
                               Map<String, JsonNode> forms, List<String> problems) {
        boolean start = false;
        boolean end = false;
        for (var element : elements) {
            String id = element.getId();
            if (!READABLE_ID.matcher(id).matches() || RANDOM_SUFFIX.matcher(id).matches()) {
                problems.add(file + "：" + id + " 不是可读的 id（如 Task_ReviewMaterials）");
            }
            if (element instanceof FlowNode node) {
                String name = node.getName();
                if (name == null || !CHINESE.matcher(name).matches()) {
                    problems.add(file + "：" + id + " 须有中文名称");
                }
                if (!(node instanceof Gateway) && node.getIncoming().size() > 1) {
                    problems.add(file + "：" + id + " 有多条入线，须用网关汇合（fake-join）");
                }
                if (!(node instanceof Gateway) && node.getOutgoing().size() > 1) {
                    problems.add(file + "：" + id + " 有多条出线，须用网关分支（no-implicit-split）");
                }
                if (!(node instanceof StartEvent) && !(node instanceof BoundaryEvent) && node.getIncoming().isEmpty()) {
                    problems.add(file + "：" + id + " 没有入线（no-disconnected）");
                }
                if (!(node instanceof EndEvent) && node.getOutgoing().isEmpty()) {
                    problems.add(file + "：" + id + " 没有出线（no-disconnected）");
                }
                start |= node instanceof StartEvent;
                end |= node instanceof EndEvent;
            }
            if (element instanceof UserTask task) {
                String form = task.getCamundaFormRef();
                if (form == null || !forms.containsKey(form)) {
                    problems.add(file + "：用户任务 " + id + " 的表单 " + form + " 不在包中");
                }
                if (!"deployment".equals(task.getCamundaFormRefBinding())) {
                    problems.add(file + "：用户任务 " + id + " 须写 camunda:formRefBinding=\"deployment\"（新版本不影响在办案件）");
                }
                String groups = task.getCamundaCandidateGroups();
                if (groups == null || groups.isBlank()) {
                    problems.add(file + "：用户任务 " + id + " 须有候选组（camunda:candidateGroups）");
                } else {
                    for (String group : groups.split(",")) {
                        if (!departments.knowsGroup(group.trim())) {
                            problems.add(file + "：用户任务 " + id + " 的候选组 " + group.trim() + " 不存在");
                        }
                    }
                }
            }
            if (element instanceof SubProcess sub) {
                checkElements(file, sub.getFlowElements(), forms, problems);
            }
            if (element instanceof SequenceFlow flow && flow.getName() == null && flow.getConditionExpression() != null) {
                problems.add(file + "：条件连线 " + id + " 须有中文名称");
            }
        }
        if (!start) {
            problems.add(file + "：须有开始事件");
        }
        if (!end) {
            problems.add(file + "：须有结束事件");
        }
    }

    private static boolean caseProcess(BaseElement process) {
        var extensions = process.getExtensionElements();
        if (extensions == null) {
            return false;
        }
        return extensions.getElementsQuery().filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class)
                .list().stream().flatMap(p -> p.getCamundaProperties().stream())
                .anyMatch((CamundaProperty p) -> "caseProcess".equals(p.getCamundaName()) && "true".equals(p.getCamundaValue()));
    }

    private static void checkDmn(Map<String, byte[]> files, List<String> problems) {
        files.forEach((name, bytes) -> {
            if (name.endsWith(".dmn")) {
                try (InputStream in = new ByteArrayInputStream(bytes)) {
                    Dmn.readModelFromStream(in);
                } catch (IOException | RuntimeException e) {
                    problems.add(name + " 不是有效的 DMN：" + e.getMessage());
                }
            }
        });
    }
}
