package cn.yijianshi.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An 18-character ID number of the GB 11643-1999 layout: place (6), birth date (8), sequence (3,
 * odd = male), check character over ISO 7064 MOD 11-2. Three documents share the layout and are told
 * apart by their first characters ({@link IdType}); which places exist is data ({@link IdNumberRegions}).
 * The rules are checked on the characters, one at a time, so that each refusal can say what is wrong.
 */
public final class ResidentIdNumber {

    /** The document an ID number belongs to. */
    public enum IdType {
        /** 居民身份证: begins with a GB/T 2260 province code. */
        RESIDENT("居民身份证", "resident identity card"),
        /** 港澳台居民居住证: begins with 810000, 820000 or 830000. */
        HMT_RESIDENCE_PERMIT("港澳台居民居住证", "residence permit for Hong Kong, Macao and Taiwan residents"),
        /** 外国人永久居留身份证 (2023): '9', the issuing province, a 3-digit nationality code. */
        FOREIGN_PERMANENT_RESIDENT("外国人永久居留身份证", "foreign permanent resident ID card");

        private final String displayName;
        private final String englishName;

        IdType(String displayName, String englishName) {
            this.displayName = displayName;
            this.englishName = englishName;
        }

        public String displayName() {
            return displayName;
        }

        public String englishName() {
            return englishName;
        }
    }

    /** Why a number is refused, in Chinese and English; the number itself is never repeated. */
    public static final class Invalid extends IllegalArgumentException {
        private final String messageZh;
        private final String messageEn;

        Invalid(String messageZh, String messageEn) {
            super(messageZh + " / " + messageEn);
            this.messageZh = messageZh;
            this.messageEn = messageEn;
        }

        public String messageZh() {
            return messageZh;
        }

        public String messageEn() {
            return messageEn;
        }
    }

    private static final int LENGTH = 18;
    private static final char FOREIGN_PERMIT_MARK = '9';
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final int EARLIEST_BIRTH_YEAR = 1900;

    private final String value;
    private final IdType type;
    private final String regionCode;
    private final LocalDate birthDate;

    private ResidentIdNumber(String value, IdType type, String regionCode, LocalDate birthDate) {
        this.value = value;
        this.type = type;
        this.regionCode = regionCode;
        this.birthDate = birthDate;
    }

    /** The number if it is valid on {@code today} (the hall's date: nobody is born after it). */
    public static Optional<ResidentIdNumber> parse(String text, LocalDate today) {
        try {
            return Optional.of(read(text, today));
        } catch (Invalid e) {
            return Optional.empty();
        }
    }

    /**
     * The number, or {@link Invalid} saying what is wrong: its length or characters, a place that
     * is no province (or residence-permit region), a birth date that does not exist, lies before 1900
     * or after {@code today}, or a wrong check character. Lower-case x is read as X.
     */
    public static ResidentIdNumber read(String text, LocalDate today) {
        if (text == null || text.length() != LENGTH) {
            throw new Invalid("证件号码须为18位", "must be 18 characters long");
        }
        String value = text.toUpperCase();
        char last = value.charAt(LENGTH - 1);
        if (!allDigits(value.substring(0, LENGTH - 1)) || !(isDigit(last) || last == 'X')) {
            throw new Invalid("证件号码前17位须为数字，末位为数字或X", "the first 17 characters must be digits, the last a digit or X");
        }
        IdType type;
        String regionCode;
        IdNumberRegions regions = IdNumberRegions.shipped();
        if (value.charAt(0) == FOREIGN_PERMIT_MARK) {
            type = IdType.FOREIGN_PERMANENT_RESIDENT;
            regionCode = value.substring(1, 3);
            if (regions.foreignPermitIssuer(regionCode).isEmpty()) {
                throw new Invalid("以9开头的是外国人永久居留身份证，其第2至3位 " + regionCode + " 不是签发地的省级行政区划代码",
                        "a number beginning with 9 is a foreign permanent resident ID card, and its characters 2-3 ("
                                + regionCode + ") are no issuing province's code");
            }
        } else {
            regionCode = value.substring(0, 2);
            Optional<String> permitAddress = regions.residencePermitAddressCode(regionCode);
            if (permitAddress.isPresent()) {
                type = IdType.HMT_RESIDENCE_PERMIT;
                if (!value.startsWith(permitAddress.get())) {
                    throw new Invalid("港澳台居民居住证号码须以 " + permitAddress.get() + " 开头",
                            "a residence permit for Hong Kong, Macao and Taiwan residents begins with " + permitAddress.get());
                }
            } else if (regions.province(regionCode).isPresent()) {
                type = IdType.RESIDENT;
            } else {
                throw new Invalid("前两位 " + regionCode + " 不是省级行政区划代码（GB/T 2260）",
                        "the first two digits (" + regionCode + ") are no province code (GB/T 2260)");
            }
        }
        LocalDate birth = birthDate(value);
        if (birth.getYear() < EARLIEST_BIRTH_YEAR) {
            throw new Invalid("出生日期早于1900年", "the birth date is before 1900");
        }
        if (birth.isAfter(today)) {
            throw new Invalid("出生日期晚于今天", "the birth date is in the future");
        }
        if (checkCharacter(value) != last) {
            throw new Invalid("校验位不正确，请核对号码", "wrong check character (GB 11643): please check the number");
        }
        return new ResidentIdNumber(value, type, regionCode, birth);
    }

    private static LocalDate birthDate(String value) {
        try {
            return LocalDate.of(number(value, 6, 10), number(value, 10, 12), number(value, 12, 14));
        } catch (DateTimeException e) {
            throw new Invalid("第7至14位不是存在的出生日期", "characters 7-14 are not a date that exists");
        }
    }

    private static int number(String digits, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (digits.charAt(i) - '0');
        }
        return n;
    }

    static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** ASCII digits only: {@link Character#isDigit} would also take full-width and other scripts' digits. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Completes the first 17 characters with their check character (for test data and the bench). */
    public static String withCheckCharacter(String first17) {
        return first17 + checkCharacter(first17);
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public String value() {
        return value;
    }

    public IdType type() {
        return type;
    }

    /** The province (or, for a residence permit, the 81/82/83 region) the number names. */
    public String regionCode() {
        return regionCode;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** "M" or "F", from the parity of the sequence number. */
    public String gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? "M" : "F";
    }
}
