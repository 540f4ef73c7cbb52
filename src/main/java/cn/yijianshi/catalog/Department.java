package cn.yijianshi.catalog;

/**
 * A department of the hall that works steps of cases (社保经办, 医保, 就业 ...): its code, Chinese name and Camunda group,
 * and the group of its heads (部门负责人, who may chase the department's tasks; none for roles that are not departments).
 */
public record Department(String code, String name, String group, String headGroup) {

    /** The Chinese name of the heads' group. */
    public String headName() {
        return name + "负责人";
    }
}
