package cn.yijianshi.reports;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.yijianshi.security.HallGroup;
import cn.yijianshi.system.RefusedRequest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** The reports defined in reports/*.json, and who may download which. */
@Component
public class ReportCatalogue {

    private final Map<String, ReportDefinition> reports = new TreeMap<>();

    public ReportCatalogue() throws IOException {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:reports/*.json")) {
            try (InputStream in = resource.getInputStream()) {
                ReportDefinition definition = json.readValue(in, ReportDefinition.class);
                checkCodeTables(definition, resource);
                reports.put(definition.name(), definition);
            }
        }
    }

    /** A definition naming a code table that does not exist would show raw codes; refuse it at start-up instead. */
    private static void checkCodeTables(ReportDefinition definition, Resource resource) {
        List<String> named = new ArrayList<>();
        if (definition.summary().chart() != null && definition.summary().chart().categoryLabels() != null) {
            named.add(definition.summary().chart().categoryLabels());
        }
        definition.sheets().forEach(sheet -> sheet.columns().stream().map(ReportDefinition.Column::labels)
                .filter(Objects::nonNull).forEach(named::add));
        for (String table : named) {
            if (!CodeLabels.tables().contains(table)) {
                throw new IllegalStateException(resource.getFilename() + ": no code table \"" + table + "\"; known: "
                        + String.join(", ", CodeLabels.tables()));
            }
        }
    }

    public Collection<ReportDefinition> all() {
        return reports.values();
    }

    public ReportDefinition require(String name) {
        ReportDefinition definition = reports.get(name);
        if (definition == null) {
            throw RefusedRequest.badInput("name", "没有这个报表：" + name + "；可选：" + String.join("、", reports.keySet()),
                    "no such report: " + name + "; available: " + String.join(", ", reports.keySet()));
        }
        return definition;
    }

    /** Managers and admins get every report; other groups the ones whose definition names them. */
    public boolean mayDownload(ReportDefinition report, Collection<? extends GrantedAuthority> authorities) {
        List<String> groups = HallGroup.groupIds(authorities);
        return groups.contains(HallGroup.ADMIN.id()) || groups.stream().anyMatch(report.roles()::contains);
    }
}
