package cn.yijianshi.outreach;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 政策找人 as policy data (policy/outreach.json, its source and date inside): how many months ahead the scan looks,
 * how long an invitation stays open after the statutory month, which materials the hall already holds for a
 * registered person, what a person short of the minimum contribution may do (延缴, 趸缴 where allowed), and the SMS
 * templates.
 */
public record OutreachPolicy(String source, String effectiveDate, String matter, int monthsAhead, int expiresMonthsAfter,
                             List<String> materialsOnFile, String materialsOnFileSource,
                             List<ShortOption> shortOfMinimum, Map<String, Sms> sms) {

    /** A way to make up a short contribution; {@code allowed} false: not told (the local policy does not allow it). */
    public record ShortOption(String code, String name, boolean allowed, String text) {
    }

    /** An SMS template: the gateway's code and its text (Mustache). */
    public record Sms(String template, String text) {
    }

    public OutreachPolicy {
        if (monthsAhead < 0 || monthsAhead > 12) {
            throw new IllegalArgumentException("monthsAhead: 0 to 12");
        }
        if (expiresMonthsAfter < 0) {
            throw new IllegalArgumentException("expiresMonthsAfter: must not be negative");
        }
        if (!sms.containsKey("reached") || !sms.containsKey("short")) {
            throw new IllegalArgumentException("sms: needs the templates reached and short");
        }
    }

    public static OutreachPolicy fromClasspath() {
        try (InputStream in = OutreachPolicy.class.getResourceAsStream("/policy/outreach.json")) {
            return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                    .readValue(in, OutreachPolicy.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy/outreach.json: " + e.getMessage(), e);
        }
    }

    /** What a person short of the minimum is told they may do. */
    public String shortOptionsText() {
        StringBuilder text = new StringBuilder();
        for (ShortOption option : shortOfMinimum) {
            if (option.allowed()) {
                text.append(option.name()).append("：").append(option.text()).append("。");
            }
        }
        return text.toString();
    }
}
