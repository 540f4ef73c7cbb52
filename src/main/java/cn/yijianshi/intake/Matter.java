package cn.yijianshi.intake;

/** A matter (事项) the hall handles as one thing: its case id prefix and the process that runs it. */
public enum Matter {
    RETIREMENT("TX", "退休一件事", "retirement-one-stop");

    private final String caseIdPrefix;
    private final String displayName;
    private final String processKey;

    Matter(String caseIdPrefix, String displayName, String processKey) {
        this.caseIdPrefix = caseIdPrefix;
        this.displayName = displayName;
        this.processKey = processKey;
    }

    public String caseIdPrefix() {
        return caseIdPrefix;
    }

    public String displayName() {
        return displayName;
    }

    public String processKey() {
        return processKey;
    }
}
