package cn.yijianshi.catalog;

/** A department of the hall that works steps of cases (社保经办, 医保, 就业 ...): its code, Chinese name and Camunda group. */
public record Department(String code, String name, String group) {
}
