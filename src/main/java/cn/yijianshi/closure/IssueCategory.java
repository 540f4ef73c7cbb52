package cn.yijianshi.closure;

/** What a problem is about; each category has its own 整改时限 (policy/issue-deadlines.json). */
public enum IssueCategory {
    PENSION("养老待遇"), SENIORITY("工龄认定"), TRANSFER("社保关系转移"), LABOUR("劳动关系"), OTHER("其他");

    private final String displayName;

    IssueCategory(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
