package cn.yijianshi.catalog;

import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters; registration authority, kind, 6-digit region, the 9-character
 * organization code (GB 11714-1997, with its own check character) and a check character over the first 17.
 * Letters I, O, Z, S, V are never used.
 */
public final class CreditCode {

    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ORG_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private CreditCode() {
    }

    /** Why the text is not a valid code, in Chinese and English; empty when it is valid. */
    public static Optional<String[]> problem(String text) {
        if (text == null || text.length() != 18) {
            return Optional.of(new String[] {"统一社会信用代码应为18位", "a unified social credit code has 18 characters"});
        }
        String code = text.toUpperCase();
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CHARS.indexOf(code.charAt(i));
            if (value < 0) {
                return Optional.of(new String[] {"统一社会信用代码第" + (i + 1) + "位字符不允许",
                        "character " + (i + 1) + " is not allowed in a unified social credit code"});
            }
            sum += value * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        if (CHARS.charAt(check) != code.charAt(17)) {
            return Optional.of(new String[] {"统一社会信用代码校验位不符（GB 32100），请核对", "check character does not match (GB 32100)"});
        }
        if (!organizationCodeValid(code.substring(8, 17))) {
            return Optional.of(new String[] {"统一社会信用代码中的组织机构代码校验位不符（GB 11714），请核对",
                    "the organization code inside does not match its check character (GB 11714)"});
        }
        return Optional.empty();
    }

    /** GB 11714: eight body characters and a check character (digit or X). */
    static boolean organizationCodeValid(String nine) {
        return organizationCheck(nine.substring(0, 8)).map(check -> nine.charAt(8) == check).orElse(false);
    }

    /** The GB 11714 check character of an organization code's eight body characters; empty for a character not allowed. */
    static Optional<Character> organizationCheck(String eight) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int value = ORG_CHARS.indexOf(eight.charAt(i));
            if (value < 0) {
                return Optional.empty();
            }
            sum += value * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return Optional.of(check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check));
    }

    /**
     * A valid code from its first 8 characters (registration authority, kind, region) and the 8 body characters of the
     * organization code: both check characters computed (for tests and the bench).
     */
    public static String of(String authorityKindAndRegion, String organizationBody) {
        char organization = organizationCheck(organizationBody).orElseThrow(() ->
                new IllegalArgumentException("not an organization code body: " + organizationBody));
        return withCheckCharacter(authorityKindAndRegion + organizationBody + organization);
    }

    /** A valid code for a 17-character body whose organization code is already valid (for tests and the bench). */
    public static String withCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARS.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return first17 + CHARS.charAt((31 - sum % 31) % 31);
    }
}
