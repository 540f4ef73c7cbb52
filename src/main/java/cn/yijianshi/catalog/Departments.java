package cn.yijianshi.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.yijianshi.security.HallGroup;
import org.springframework.stereotype.Component;

/**
 * The hall's departments as data ({@code processes/departments.json}): a hall adds 就业, 社保卡, 税务 ... with a line
 * there, and its Camunda group, Tasklist filter, SLA figures and report choices follow at the next start.
 * Roles that are not departments (coordinators, managers, liaison, administrators) stay in {@link HallGroup}.
 */
@Component
public class Departments {

    record File(String source, String effectiveDate, List<Department> departments) {
    }

    private static volatile Departments shipped;

    private final List<Department> departments;

    /** The departments file of this build, for code without a Spring context (report parameters, code labels). */
    public static Departments shipped() {
        if (shipped == null) {
            shipped = new Departments();
        }
        return shipped;
    }

    public Departments() {
        this(Departments.class.getResourceAsStream("/processes/departments.json"));
    }

    public Departments(InputStream json) {
        try (json) {
            this.departments = List.copyOf(new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(json, File.class).departments());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read processes/departments.json", e);
        }
    }

    public List<Department> all() {
        return departments;
    }

    public Optional<Department> byCode(String code) {
        return departments.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public Optional<Department> byGroup(String group) {
        return departments.stream().filter(d -> d.group().equals(group)).findFirst();
    }

    /** Every group a step can be given to or a figure counted by: the departments, then the roles that work tasks. */
    public List<String> workingGroups() {
        java.util.LinkedHashSet<String> groups = new java.util.LinkedHashSet<>();
        departments.forEach(d -> groups.add(d.group()));
        HallGroup.rolesWithTasks().forEach(g -> groups.add(g.id()));
        return List.copyOf(groups);
    }

    /** The heads' group of the department whose group this is (部门负责人), if it has one. */
    public Optional<String> headGroupOf(String group) {
        return byGroup(group).map(Department::headGroup).filter(h -> h != null && !h.isBlank());
    }

    /** Whether a Camunda group is one of ours (a department or a role). */
    public boolean knowsGroup(String group) {
        return byGroup(group).isPresent() || HallGroup.byId(group).isPresent();
    }

    /** The Chinese name of a group: the department's, the role's, or the id itself for one we do not know. */
    public String groupName(String group) {
        return byGroup(group).map(Department::name)
                .or(() -> HallGroup.byId(group).map(HallGroup::displayName)).orElse(group);
    }
}
