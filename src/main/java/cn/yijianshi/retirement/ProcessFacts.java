package cn.yijianshi.retirement;

import java.math.BigDecimal;

/**
 * Reads numbers from process variables whatever their wire type: Camunda Forms submit numbers as
 * Long or Double and select values as strings.
 */
final class ProcessFacts {

    private ProcessFacts() {
    }

    static Integer integer(Object value) {
        BigDecimal decimal = decimal(value);
        return decimal == null ? null : decimal.intValue();
    }

    static BigDecimal decimal(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        return new BigDecimal(value.toString().trim());
    }
}
