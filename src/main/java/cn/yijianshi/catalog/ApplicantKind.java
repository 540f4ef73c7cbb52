package cn.yijianshi.catalog;

/** Who applies for a matter: a person (by resident ID) or an employer or other organization (by unified social credit code). */
public enum ApplicantKind {
    PERSON("个人"),
    ORGANIZATION("单位");

    private final String displayName;

    ApplicantKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
