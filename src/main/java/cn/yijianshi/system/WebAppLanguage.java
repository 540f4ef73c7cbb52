package cn.yijianshi.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Camunda's Tasklist, Cockpit and Admin in the hall's language and look, through the web apps' own
 * customization points: each app's {@code scripts/config.js} (Chinese first, English selectable, the
 * hall's title, the hall's zone, our custom script) and its {@code locales/zh.json} / {@code en.json}
 * (our Chinese labels; Camunda's English), where the Community Edition banner becomes our notice line.
 * Nothing inside Camunda's jars is patched.
 */
@RestController
public class WebAppLanguage {

    static final List<String> LANGUAGES = List.of("zh", "en");
    /** The hall works in Chinese; a browser or a user may still choose English. */
    static final String DEFAULT_LANGUAGE = "zh";
    private static final Map<String, String> APP_NAMES = Map.of(
            "tasklist", "任务列表", "cockpit", "监控台", "admin", "管理后台", "welcome", "欢迎页");
    private static final String CAMUNDA_APPS = "META-INF/resources/webjars/camunda/app/";
    private static final String OUR_LABELS = "webapps/";

    private final HallLook look;
    private final HallClock clock;
    private final ObjectMapper json;
    private final Map<String, String> built = new ConcurrentHashMap<>();

    public WebAppLanguage(HallLook look, HallClock clock, ObjectMapper json) {
        this.look = look;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping("/camunda/app/{app}/scripts/config.js")
    public ResponseEntity<String> config(@PathVariable String app) {
        if (!APP_NAMES.containsKey(app)) {
            return ResponseEntity.notFound().build();
        }
        String script = built.computeIfAbsent(app + "/config.js", key -> configScript(app));
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8)).body(script);
    }

    @GetMapping("/camunda/app/{app}/locales/{language}.json")
    public ResponseEntity<String> labels(@PathVariable String app, @PathVariable String language) {
        if (!APP_NAMES.containsKey(app) || !LANGUAGES.contains(language)) {
            return ResponseEntity.notFound().build();
        }
        String labels = built.computeIfAbsent(app + "/" + language, key -> labelsFor(app, language));
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .contentType(MediaType.APPLICATION_JSON).body(labels);
    }

    private String configScript(String app) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("app", Map.of("vendor", look.title(), "name", APP_NAMES.get(app)));
        config.put("locales", Map.of("availableLocales", LANGUAGES, "fallbackLocale", DEFAULT_LANGUAGE));
        // hall.js first: it sets the language that form-messages.js looks at.
        config.put("customScripts", app.equals("tasklist")
                ? List.of("../hall/hall", "../hall/form-messages") : List.of("../hall/hall"));
        config.put("hall", Map.of("zone", clock.zone().getId(), "defaultLanguage", DEFAULT_LANGUAGE));
        if (app.equals("tasklist")) {
            config.put("shortcuts", tasklistShortcuts());
        }
        try {
            return "// Written by yijianshi (cn.yijianshi.system.WebAppLanguage) from application.yaml: yijianshi.hall.*, yijianshi.zone\n"
                    + "export default " + json.writerWithDefaultPrettyPrinter().writeValueAsString(config) + ";\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Camunda's default Tasklist shortcuts, described in Chinese for the keyboard-shortcut help. */
    private static Map<String, Object> tasklistShortcuts() {
        Map<String, Object> shortcuts = new LinkedHashMap<>();
        shortcuts.put("claimTask", Map.of("key", "ctrl+alt+c", "description", "认领当前选中的任务"));
        shortcuts.put("focusFilter", Map.of("key", "ctrl+shift+f", "description", "跳到过滤器列表的第一个过滤器"));
        shortcuts.put("focusList", Map.of("key", "ctrl+alt+l", "description", "跳到任务列表的第一个任务"));
        shortcuts.put("focusForm", Map.of("key", "ctrl+alt+f", "description", "跳到任务表单的第一个输入框"));
        shortcuts.put("startProcess", Map.of("key", "ctrl+alt+p", "description", "打开“发起流程”对话框"));
        return shortcuts;
    }

    private String labelsFor(String app, String language) {
        ObjectNode file;
        if (language.equals("zh")) {
            file = json.createObjectNode();
            file.set("dateLocales", read(OUR_LABELS + "zh/date-locales.json"));
            file.set("labels", read(OUR_LABELS + "zh/" + app + ".json"));
        } else {
            file = (ObjectNode) read(CAMUNDA_APPS + app + "/locales/en.json");
        }
        ObjectNode labels = (ObjectNode) file.get("labels");
        labels.put("BANNER_CE_EOL_TEXT", noticeLine(language));
        labels.put("CAM_WIDGET_FOOTER_TIMEZONE", language.equals("zh")
                ? "日期时间按服务大厅所在时区（" + clock.zone().getId() + "）显示。本机时区："
                : "Dates and times are shown in the hall's zone (" + clock.zone().getId() + "). This computer's zone:");
        return file.toString();
    }

    /** The notice (escaped: it is configuration, not markup) and the switch to the other language. */
    private String noticeLine(String language) {
        boolean chinese = language.equals("zh");
        String notice = HtmlUtils.htmlEscape(chinese ? look.notice() : look.noticeEn(), "UTF-8");
        String title = HtmlUtils.htmlEscape(look.title(), "UTF-8");
        String switchTo = chinese
                ? "<a role=\"button\" tabindex=\"0\" class=\"hall-language\" data-hall-language=\"en\" lang=\"en\">English</a>"
                : "<a role=\"button\" tabindex=\"0\" class=\"hall-language\" data-hall-language=\"zh\" lang=\"zh\">中文</a>";
        return "<span class=\"hall-title\">" + title + "</span> <span class=\"hall-notice\">" + notice + "</span> " + switchTo;
    }

    private com.fasterxml.jackson.databind.JsonNode read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (IOException e) {
            throw new UncheckedIOException("web app labels missing: " + path, e);
        }
    }
}
