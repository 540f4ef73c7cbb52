package cn.yijianshi.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks citizens' ID and phone numbers wherever they leave the case table: logs, lists, reports.
 * 110101199003071234 -> 110101********1234, 13800138000 -> 138****8000.
 */
public final class PersonalData {

    // An 18-character resident ID (last char may be X) or an 11-digit mainland mobile number,
    // not glued to other digits, so order numbers and amounts are left alone.
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");

    private PersonalData() {
    }

    public static String maskIdNumber(String idNumber) {
        if (idNumber == null || idNumber.length() < 10) {
            return idNumber == null ? null : "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10) + idNumber.substring(idNumber.length() - 4);
    }

    public static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** Masks every ID or mobile number found inside free text (descriptions, notes, log lines). */
    public static String maskInText(String text) {
        if (text == null || !hasDigitRun(text, 11)) {
            return text; // no ID (17 digits + check character) or mobile (11 digits) can hide in it
        }
        Matcher ids = ID_NUMBER.matcher(text);
        String masked = ids.replaceAll("$1********$2");
        return MOBILE.matcher(masked).replaceAll("$1****$2");
    }

    /** Cheap pre-check for the report's millions of cells: a run of at least {@code length} digits. */
    private static boolean hasDigitRun(String text, int length) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            run = c >= '0' && c <= '9' ? run + 1 : 0;
            if (run >= length) {
                return true;
            }
        }
        return false;
    }
}
