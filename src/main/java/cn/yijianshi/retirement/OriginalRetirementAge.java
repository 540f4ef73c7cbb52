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

    public int years() {
        return years;
    }

    public String displayName() {
        return displayName;
    }

    public static OriginalRetirementAge of(String gender, int originalAge) {
        for (OriginalRetirementAge age : values()) {
            if (age.gender.equals(gender) && age.years == originalAge) {
                return age;
            }
        }
        throw new IllegalArgumentException("originalAge: 原法定退休年龄须为男60、女55或50（" + gender + originalAge + "） / "
                + "originalAge: must be 60 for men, 55 or 50 for women (" + gender + originalAge + ")");
    }
}
