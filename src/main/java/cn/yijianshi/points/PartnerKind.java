package cn.yijianshi.points;

import java.util.Arrays;
import java.util.Optional;

/** Where a partner point is: a bank branch (社银), a post office (社邮), a clinic (社医). */
public enum PartnerKind {
    BANK("社银"),
    POST("社邮"),
    CLINIC("社医");

    private final String displayName;

    PartnerKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<PartnerKind> read(String text) {
        String t = text == null ? "" : text.trim();
        return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(t) || k.displayName.equals(t)).findFirst();
    }
}
