package cn.yijianshi.points;

import java.util.Arrays;
import java.util.Optional;

/** The levels of the hall's network, from the top: 市, 区县, 镇街, 村社区, and partner points (合作点) beside them. */
public enum PointLevel {
    CITY("市"),
    DISTRICT("区县"),
    TOWN("镇街"),
    COMMUNITY("村社区"),
    PARTNER("合作点");

    private final String displayName;

    PointLevel(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** A parent must stand above its child: a higher level, and never a partner point. */
    public boolean mayParent(PointLevel child) {
        return this != PARTNER && ordinal() < child.ordinal();
    }

    /** By code (CITY) or by Chinese name (市), as an import sheet may write it. */
    public static Optional<PointLevel> read(String text) {
        String t = text == null ? "" : text.trim();
        return Arrays.stream(values()).filter(l -> l.name().equalsIgnoreCase(t) || l.displayName.equals(t)).findFirst();
    }
}
