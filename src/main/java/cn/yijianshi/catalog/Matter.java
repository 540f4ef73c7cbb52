package cn.yijianshi.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.yijianshi.intake.Channel;
import cn.yijianshi.sla.SlaLimit;

/**
 * One 一件事 as its matter file ({@code processes/<matter>/matter.json}) says: the single source for its name,
 * case-id prefix, process, applicant kind, departments, channels, materials, promise, step limits and citizen
 * notices. Read from the engine's deployments, so every node sees the same version.
 */
public record Matter(
        String key,
        String name,
        String source,
        String effectiveDate,
        String caseIdPrefix,
        String processKey,
        ApplicantKind applicantKind,
        String extension,
        String intakeForm,
        List<String> departments,
        List<Channel> channels,
        boolean online,
        String reportCategory,
        List<Material> materials,
        Promise promise,
        List<StepLimit> tasks,
        Map<String, Notice> notices) {

    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");
    private static final Pattern PREFIX = Pattern.compile("[A-Z]{2,4}");
    private static final Pattern PROCESS_KEY = Pattern.compile("[a-z][a-z0-9-]{1,63}");

    /** A material the citizen may hand in for this matter, and where to get it (printed in the 一次性告知书; optional). */
    public record Material(String code, String name, String where) {
    }

    /** The whole-case promise (承诺时限), normal and urgent. */
    public record Promise(String limit, String urgentLimit) {
    }

    /** One step's limit, and who hears of it nearing (warnTo) or passing (escalateTo) its end. */
    public record StepLimit(String task, String name, String limit, String urgentLimit, Double warnAtRatio,
                            List<String> warnTo, List<String> escalateTo) {
    }

    /** One milestone's message to the citizen: a template with {{placeholders}}, and the SMS gateway's template code. */
    public record Notice(String template, String sms) {
    }

    public List<Material> materialsOrEmpty() {
        return materials == null ? List.of() : materials;
    }

    public boolean knowsMaterial(String code) {
        return materialsOrEmpty().stream().anyMatch(m -> m.code().equals(code));
    }

    /** Where the citizen gets a material, if the matter file says. */
    public Optional<String> materialSource(String code) {
        return materialsOrEmpty().stream().filter(m -> m.code().equals(code) && m.where() != null).map(Material::where).findFirst();
    }

    /** The Chinese name of a material, or its code for one the matter no longer lists. */
    public String materialName(String code) {
        return materialsOrEmpty().stream().filter(m -> m.code().equals(code)).map(Material::name).findFirst().orElse(code);
    }

    /**
     * 材料比对 as 审核材料 shows it: what the case must bring (the materials table's last answer), what of it came,
     * and what is missing (as 比对已交材料 found it, the fact 材料齐全? routes on).
     */
    public String materialsSummary(List<String> required, List<String> missing) {
        return "应交材料：" + materialNames(required) + "\n已交材料：" + materialNames(required.stream()
                .filter(code -> !missing.contains(code)).toList()) + "\n尚缺材料：" + materialNames(missing);
    }

    private String materialNames(List<String> codes) {
        return codes.isEmpty() ? "无" : String.join("、", codes.stream().map(this::materialName).toList());
    }

    public Optional<StepLimit> step(String taskKey) {
        return tasks == null ? Optional.empty() : tasks.stream().filter(t -> t.task().equals(taskKey)).findFirst();
    }

    public Optional<Notice> notice(String milestone) {
        return notices == null ? Optional.empty() : Optional.ofNullable(notices.get(milestone));
    }

    public boolean accepts(Channel channel) {
        return channels != null && channels.contains(channel);
    }

    /** What is missing or wrong in the matter file, in Chinese; empty when it is complete. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (key == null || !KEY.matcher(key).matches()) {
            problems.add("key 须为大写字母、数字和下划线（2-32位），如 PENSION_TRANSFER");
        }
        if (name == null || name.isBlank()) {
            problems.add("name（事项中文名）必须填写");
        }
        if (caseIdPrefix == null || !PREFIX.matcher(caseIdPrefix).matches()) {
            problems.add("caseIdPrefix 须为2-4个大写字母");
        }
        if (processKey == null || !PROCESS_KEY.matcher(processKey).matches()) {
            problems.add("processKey 须为小写字母、数字和连字符，如 pension-transfer");
        }
        if (applicantKind == null) {
            problems.add("applicantKind 必须为 PERSON 或 ORGANIZATION");
        }
        if (intakeForm == null || intakeForm.isBlank()) {
            problems.add("intakeForm（受理表单 id）必须填写");
        }
        if (departments == null || departments.isEmpty()) {
            problems.add("departments（参与部门）至少一个");
        }
        if (channels == null || channels.isEmpty()) {
            problems.add("channels（受理渠道）至少一个");
        }
        if (online && (channels == null || !channels.contains(Channel.ONLINE))) {
            problems.add("online 为 true 时 channels 须包含 ONLINE");
        }
        if (materials == null || materials.isEmpty()) {
            problems.add("materials（材料清单）至少一项");
        } else if (materials.stream().anyMatch(m -> m.code() == null || m.name() == null)) {
            problems.add("materials 每项须有 code 与 name");
        }
        if (promise == null) {
            problems.add("promise（承诺时限）必须填写");
        } else {
            limit(problems, "promise.limit", promise.limit());
            limit(problems, "promise.urgentLimit", promise.urgentLimit());
        }
        if (tasks != null) {
            for (StepLimit step : tasks) {
                if (step.task() == null || step.name() == null) {
                    problems.add("tasks 每项须有 task 与 name");
                } else {
                    limit(problems, "tasks." + step.task() + ".limit", step.limit());
                    limit(problems, "tasks." + step.task() + ".urgentLimit", step.urgentLimit());
                }
            }
        }
        List<String> milestones = online
                ? List.of("COMPLETED", "MATERIALS_NOTICE", "NOT_ACCEPTED", "WITHDRAWN", "ONLINE_ACCEPTED", "ONLINE_RETURNED")
                : List.of("COMPLETED", "MATERIALS_NOTICE", "NOT_ACCEPTED", "WITHDRAWN");
        for (String milestone : milestones) {
            Notice notice = notices == null ? null : notices.get(milestone);
            if (notice == null || notice.template() == null || notice.template().isBlank() || notice.sms() == null) {
                problems.add("notices." + milestone + " 须有 template 与 sms（短信模板代码）");
            }
        }
        return problems;
    }

    private static void limit(List<String> problems, String field, String text) {
        try {
            SlaLimit.parse(text);
        } catch (RuntimeException e) {
            problems.add(field + " 须写成 \"10 working days\" 或 \"4 working hours\"");
        }
    }
}
