package cn.yijianshi.insured;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.yijianshi.intake.ResidentIdNumber;
import cn.yijianshi.retirement.OriginalRetirementAge;
import cn.yijianshi.retirement.StatutoryRetirementAge;

/**
 * Made-up insured persons for the tests: valid ID numbers of one region (each test class its own), born so that they
 * reach the statutory month asked for (by the shipped retirement-age rule), written as a registry CSV.
 */
public final class RegistryPeople {

    public static final String HEADER = "身份证号码,姓名,性别,原退休年龄类别,累计缴费月数,缴费状态,联系电话,服务网点代码";

    private static final StatutoryRetirementAge RULE = new StatutoryRetirementAge();

    private final String region;
    private final Map<String, Integer> taken = new HashMap<>();
    private final List<Person> people = new ArrayList<>();

    public record Person(String idNumber, String name, OriginalRetirementAge category, int contributionMonths,
                         String status, String phone, String point, YearMonth statutoryMonth) {

        String csv() {
            return String.join(",", idNumber, name, "M".equals(category.gender()) ? "男" : "女", category.name(),
                    String.valueOf(contributionMonths), status, phone == null ? "" : phone, point == null ? "" : point);
        }
    }

    public RegistryPeople(String region) {
        this.region = region;
    }

    /** Someone of {@code category} born in {@code birth}'s month, with their statutory month by the rule. */
    public Person add(YearMonth birth, OriginalRetirementAge category, int contributionMonths, String point) {
        String key = birth + category.gender();
        int n = taken.merge(key, 1, Integer::sum) - 1;
        int day = 1 + n % 28;
        int sequence = (n / 28) * 2 + ("M".equals(category.gender()) ? 1 : 0);
        LocalDate born = birth.atDay(day);
        String id = ResidentIdNumber.withCheckCharacter(String.format("%s%s%03d", region,
                born.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE), sequence));
        YearMonth statutory = RULE.compute(category.gender(), category.years(), born).retirementMonth();
        Person person = new Person(id, "测试" + (people.size() + 1), category, contributionMonths, "正常缴费",
                String.format("139%08d", Math.abs(id.hashCode()) % 100_000_000), point, statutory);
        people.add(person);
        return person;
    }

    /** Someone who reaches the statutory month {@code target}: the first birth month and category that does. */
    public Person retiringIn(YearMonth target, int contributionMonths, String point) {
        for (OriginalRetirementAge category : OriginalRetirementAge.values()) {
            for (YearMonth birth = target.minusYears(66); birth.isBefore(target.minusYears(49)); birth = birth.plusMonths(1)) {
                if (RULE.compute(category.gender(), category.years(), birth.atDay(1)).retirementMonth().equals(target)) {
                    return add(birth, category, contributionMonths, point);
                }
            }
        }
        throw new IllegalArgumentException("nobody reaches the statutory age in " + target);
    }

    public List<Person> people() {
        return people;
    }

    public byte[] csv() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        people.forEach(p -> csv.append(p.csv()).append('\n'));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
