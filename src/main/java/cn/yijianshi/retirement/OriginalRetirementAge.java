package cn.yijianshi.retirement;

/** The retirement age before the 2025 reform: the starting point of every schedule. */
public enum OriginalRetirementAge {
    M60("M", 60, "男职工60周岁"),
    F55("F", 55, "女干部55周岁"),
    F50("F", 50, "女职工50周岁");

    private final String gender;
    private final int years;
    private final String displayName;

    OriginalRetirementAge(String gender, int years, String displayName) {
        this.gender = gender;
        this.years = years;
        this.displayName = displayName;
    }

    public String gender() {
        return gender;
    }

    public int years() {
        return years;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * The original age a citizen's record states. The message names the field the window must correct:
     * a wrong gender is a different mistake from a wrong age for that gender.
     */
    public static OriginalRetirementAge of(String gender, int originalAge) {
        if (!"M".equals(gender) && !"F".equals(gender)) {
            throw new IllegalArgumentException("gender: 性别只能是M或F（" + gender + "） / gender: must be M or F (" + gender + ")");
        }
        for (OriginalRetirementAge age : values()) {
            if (age.gender.equals(gender) && age.years == originalAge) {
                return age;
            }
        }
        throw "M".equals(gender)
                ? new IllegalArgumentException("originalAge: 男性原法定退休年龄只能是60（" + originalAge + "） / "
                        + "originalAge: must be 60 for men (" + originalAge + ")")
                : new IllegalArgumentException("originalAge: 女性原法定退休年龄只能是55或50（" + originalAge + "） / "
                        + "originalAge: must be 55 or 50 for women (" + originalAge + ")");
    }
}
