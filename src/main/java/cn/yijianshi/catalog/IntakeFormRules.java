package cn.yijianshi.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import cn.yijianshi.intake.ResidentIdNumber;
import cn.yijianshi.system.FeelParsedOnce;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.RefusedRequest;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Checks a matter's facts against its intake form itself (form-js JSON, the same definition the page renders):
 * required, pattern, minLength/maxLength, min/max, the options of a select or radio, the kind of value (number,
 * yes/no, date), lists of rows (dynamiclist), and {@code conditional.hide} evaluated with Camunda's own FEEL
 * engine, so a hidden field is neither required nor kept. A field may ask for an ID check through its custom
 * properties: {@code "properties": {"check": "residentId"}} (GB 11643), {@code "creditCode"} (GB 32100), or
 * {@code "caseRef"} (the applicant's own completed case, of the matter the properties name).
 * A group with a {@code path} is one nested object ({@code facts.employee}), as form-js keeps it.
 * The first wrong field is refused with 400 naming it ({@code facts.hireDate}, {@code facts.employees[1].idNumber},
 * {@code facts.employee.idNumber}).
 */
@Component
public class IntakeFormRules {

    private static final FeelEngine FEEL = FeelParsedOnce.engine(List.of());
    private static final java.util.Set<String> INPUTS = java.util.Set.of("textfield", "textarea", "number", "select",
            "radio", "checkbox", "checklist", "taglist", "datetime");

    /** The context key under which the applicant's ID number or credit code is given (for {@code caseRef}). */
    public static final String APPLICANT_NUMBER = "applicantNumber";

    private final HallClock clock;
    private final CaseReferences references;

    /** Without the hall's cases: a {@code caseRef} field is refused (unit tests of forms that have none). */
    public IntakeFormRules(HallClock clock) {
        this(clock, caseId -> java.util.Optional.empty());
    }

    @org.springframework.beans.factory.annotation.Autowired
    public IntakeFormRules(HallClock clock, CaseReferences references) {
        this.clock = clock;
        this.references = references;
    }

    /**
     * The facts the form keeps (hidden fields dropped), after checking every visible one. {@code context} holds what
     * the form's FEEL may read besides the facts (applicant's gender, channel ...).
     */
    public Map<String, Object> check(JsonNode form, Map<String, Object> facts, Map<String, Object> context) {
        Map<String, Object> given = facts == null ? Map.of() : facts;
        Map<String, Object> kept = new HashMap<>();
        checkComponents(form.path("components"), given, context, "facts", kept);
        for (String key : given.keySet()) {
            if (!kept.containsKey(key) && !declared(form.path("components"), key)) {
                throw RefusedRequest.badInput("facts." + key, "该事项的受理表单没有这一项", "the matter's intake form has no such field");
            }
        }
        return kept;
    }

    private void checkComponents(JsonNode components, Map<String, Object> facts, Map<String, Object> context,
                                 String prefix, Map<String, Object> kept) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if (hidden(component, facts, context)) {
                continue;
            }
            if (type.equals("group") && !component.path("path").asText("").isBlank()) {
                checkObject(component, facts, context, prefix, kept);
            } else if (type.equals("group")) {
                checkComponents(component.path("components"), facts, context, prefix, kept);
            } else if (type.equals("dynamiclist")) {
                checkList(component, facts, context, prefix, kept);
            } else if (INPUTS.contains(type) && component.hasNonNull("key") && !component.path("readonly").asBoolean()
                    && !component.path("disabled").asBoolean()) {
                String key = component.get("key").asText();
                Object value = facts.get(key);
                Object checked = checkValue(component, type, value, prefix + "." + key, context);
                if (checked != null) {
                    kept.put(key, checked);
                }
            }
        }
    }

    private void checkList(JsonNode list, Map<String, Object> facts, Map<String, Object> context, String prefix,
                           Map<String, Object> kept) {
        String path = list.path("path").asText(list.path("key").asText());
        String field = prefix + "." + path;
        Object value = facts.get(path);
        if (value == null) {
            if (list.path("validate").path("required").asBoolean() || list.path("properties").path("minRows").asInt(0) > 0) {
                throw RefusedRequest.badInput(field, "至少填写一行", "at least one row is required");
            }
            return;
        }
        if (!(value instanceof Collection<?> rows)) {
            throw RefusedRequest.badInput(field, "应为列表", "must be a list");
        }
        int min = Math.max(list.path("properties").path("minRows").asInt(0), list.path("validate").path("required").asBoolean() ? 1 : 0);
        if (rows.size() < min) {
            throw RefusedRequest.badInput(field, "至少填写" + min + "行", "at least " + min + " rows are required");
        }
        int max = list.path("properties").path("maxRows").asInt(500);
        if (rows.size() > max) {
            throw RefusedRequest.badInput(field, "最多" + max + "行", "at most " + max + " rows");
        }
        List<Map<String, Object>> keptRows = new ArrayList<>();
        int index = 0;
        for (Object row : rows) {
            if (!(row instanceof Map<?, ?> rowMap)) {
                throw RefusedRequest.badInput(field + "[" + index + "]", "每行应为一组字段", "each row must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> rowFacts = (Map<String, Object>) rowMap;
            Map<String, Object> rowContext = new HashMap<>(context);
            rowContext.putAll(facts);
            Map<String, Object> keptRow = new HashMap<>();
            checkComponents(list.path("components"), rowFacts, rowContext, field + "[" + index + "]", keptRow);
            for (String key : rowFacts.keySet()) {
                if (!keptRow.containsKey(key) && !declared(list.path("components"), key)) {
                    throw RefusedRequest.badInput(field + "[" + index + "]." + key, "表单没有这一项", "the form has no such field");
                }
            }
            keptRows.add(keptRow);
            index++;
        }
        kept.put(path, keptRows);
    }

    /**
     * A group with a {@code path} (form-js nests its fields' values under it): one object, {@code facts.employee},
     * whose fields are checked like the top level's and named {@code facts.employee.idNumber}. Its FEEL sees the
     * outer facts besides its own fields.
     */
    private void checkObject(JsonNode group, Map<String, Object> facts, Map<String, Object> context, String prefix,
                             Map<String, Object> kept) {
        String path = group.get("path").asText();
        String field = prefix + "." + path;
        Object value = facts.get(path);
        if (value != null && !(value instanceof Map<?, ?>)) {
            throw RefusedRequest.badInput(field, label(group) + "应为一组字段", "must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> objectFacts = value == null ? Map.of() : (Map<String, Object>) value;
        Map<String, Object> objectContext = new HashMap<>(context);
        objectContext.putAll(facts);
        Map<String, Object> keptObject = new HashMap<>();
        checkComponents(group.path("components"), objectFacts, objectContext, field, keptObject);
        for (String key : objectFacts.keySet()) {
            if (!keptObject.containsKey(key) && !declared(group.path("components"), key)) {
                throw RefusedRequest.badInput(field + "." + key, "表单没有这一项", "the form has no such field");
            }
        }
        if (value != null) {
            kept.put(path, keptObject);
        }
    }

    private Object checkValue(JsonNode component, String type, Object value, String field, Map<String, Object> context) {
        JsonNode validate = component.path("validate");
        boolean blank = value == null || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty());
        if (blank) {
            if (validate.path("required").asBoolean()) {
                throw RefusedRequest.badInput(field, "必须填写" + label(component), "is required");
            }
            return null;
        }
        return switch (type) {
            case "number" -> number(component, validate, value, field);
            case "checkbox" -> {
                if (!(value instanceof Boolean)) {
                    throw RefusedRequest.badInput(field, label(component) + "只能是 true 或 false", "must be true or false");
                }
                yield value;
            }
            case "datetime" -> date(component, value, field);
            case "select", "radio" -> option(component, value, field);
            case "checklist", "taglist" -> {
                if (!(value instanceof Collection<?> values)) {
                    throw RefusedRequest.badInput(field, label(component) + "应为列表", "must be a list");
                }
                values.forEach(v -> option(component, v, field));
                yield List.copyOf(values);
            }
            default -> text(component, validate, value, field, context);
        };
    }

    private Object number(JsonNode component, JsonNode validate, Object value, String field) {
        if (!(value instanceof Number number)) {
            throw RefusedRequest.badInput(field, label(component) + "应为数字", "must be a number");
        }
        BigDecimal decimal = new BigDecimal(number.toString());
        if (validate.has("min") && decimal.compareTo(validate.get("min").decimalValue()) < 0) {
            throw RefusedRequest.badInput(field, label(component) + "不能小于" + validate.get("min").asText(),
                    "must be at least " + validate.get("min").asText());
        }
        if (validate.has("max") && decimal.compareTo(validate.get("max").decimalValue()) > 0) {
            throw RefusedRequest.badInput(field, label(component) + "不能大于" + validate.get("max").asText(),
                    "must be at most " + validate.get("max").asText());
        }
        return number;
    }

    private Object date(JsonNode component, Object value, String field) {
        try {
            LocalDate date = LocalDate.parse(value.toString());
            if (date.getYear() < 1900 || date.getYear() > 2200) {
                throw new DateTimeParseException("out of range", value.toString(), 0);
            }
            return date.toString();
        } catch (DateTimeParseException e) {
            throw RefusedRequest.badInput(field, label(component) + "应为日期，如 2026-11-02", "must be a date such as 2026-11-02");
        }
    }

    private Object option(JsonNode component, Object value, String field) {
        JsonNode values = component.path("values");
        for (JsonNode option : values) {
            if (option.path("value").asText().equals(String.valueOf(value))) {
                return value;
            }
        }
        List<String> allowed = new ArrayList<>();
        values.forEach(o -> allowed.add(o.path("value").asText() + "（" + o.path("label").asText() + "）"));
        throw RefusedRequest.badInput(field, label(component) + "只能是：" + String.join("、", allowed),
                "must be one of: " + String.join(", ", allowed));
    }

    private Object text(JsonNode component, JsonNode validate, Object value, String field, Map<String, Object> context) {
        if (!(value instanceof String text)) {
            throw RefusedRequest.badInput(field, label(component) + "应为文字", "must be text");
        }
        int maxLength = validate.path("maxLength").asInt(500);
        if (text.length() > maxLength) {
            throw RefusedRequest.badInput(field, label(component) + "最多" + maxLength + "个字", "at most " + maxLength + " characters");
        }
        if (validate.has("minLength") && text.length() < validate.get("minLength").asInt()) {
            throw RefusedRequest.badInput(field, label(component) + "至少" + validate.get("minLength").asInt() + "个字",
                    "at least " + validate.get("minLength").asInt() + " characters");
        }
        if (validate.hasNonNull("pattern") && !matches(validate.get("pattern").asText(), text)) {
            throw RefusedRequest.badInput(field, label(component) + "格式不正确", "does not have the expected format");
        }
        switch (component.path("properties").path("check").asText("")) {
            case "residentId" -> {
                try {
                    ResidentIdNumber.read(text, clock.today());
                } catch (ResidentIdNumber.Invalid e) {
                    throw RefusedRequest.badInput(field, e.messageZh(), e.messageEn());
                }
            }
            case "creditCode" -> CreditCode.problem(text).ifPresent(p -> {
                throw RefusedRequest.badInput(field, p[0], p[1]);
            });
            case "caseRef" -> caseRef(component, text.trim(), field, context);
            default -> {
            }
        }
        return text.trim();
    }

    /**
     * {@code "properties": {"check": "caseRef", "matter": "<matter key>"}}: the text names a case of this hall, of that
     * matter (when given), applied for by the same applicant, and already 办结 (COMPLETED).
     */
    private void caseRef(JsonNode component, String caseId, String field, Map<String, Object> context) {
        CaseReferences.Referenced referenced = references.find(caseId).orElseThrow(() -> RefusedRequest.badInput(field,
                "查无此办件：" + caseId, "no case " + caseId + " in this hall"));
        String matter = component.path("properties").path("matter").asText("");
        if (!matter.isEmpty() && !matter.equals(referenced.matter())) {
            throw RefusedRequest.badInput(field, caseId + "不是" + MatterNames.of(matter) + "的办件",
                    caseId + " is not a case of " + matter);
        }
        Object applicant = context.get(APPLICANT_NUMBER);
        if (applicant == null || !applicant.toString().equalsIgnoreCase(referenced.applicantNumber())) {
            throw RefusedRequest.badInput(field, caseId + "不是申请人本人的办件", caseId + " is not the applicant's own case");
        }
        if (!"COMPLETED".equals(referenced.status())) {
            throw RefusedRequest.badInput(field, caseId + "尚未办结", caseId + " has not been completed");
        }
    }

    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).matches();
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("intake form has a bad pattern: " + pattern, e);
        }
    }

    /** {@code conditional.hide}: a FEEL expression ("=retirementType != \"NORMAL\"") over the facts and the context. */
    private static boolean hidden(JsonNode component, Map<String, Object> facts, Map<String, Object> context) {
        String hide = component.path("conditional").path("hide").asText("");
        if (hide.isBlank()) {
            return false;
        }
        String expression = hide.startsWith("=") ? hide.substring(1) : hide;
        VariableMap variables = Variables.createVariables();
        variables.putAll(context);
        variables.putAll(facts);
        Object result = FEEL.evaluateSimpleExpression(expression, variables.asVariableContext());
        return Boolean.TRUE.equals(result);
    }

    private static boolean declared(JsonNode components, String key) {
        for (JsonNode component : components) {
            if (key.equals(component.path("key").asText(null)) || key.equals(component.path("path").asText(null))) {
                return true;
            }
            if (component.path("type").asText().equals("group") && component.path("path").asText("").isBlank()
                    && declared(component.path("components"), key)) {
                return true;
            }
        }
        return false;
    }

    private static String label(JsonNode component) {
        return component.path("label").asText(component.path("key").asText());
    }
}
