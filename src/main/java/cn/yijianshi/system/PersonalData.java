package cn.yijianshi.system;

/**
 * Masks citizens' ID and phone numbers wherever they leave the case table: logs, lists, reports.
 * 110101199003071234 -> 110101********1234, 13800138000 -> 138****8000.
 */
public final class PersonalData {

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

    /**
     * Masks every ID or mobile number found inside free text (descriptions, notes, log lines): an 18-character
     * resident ID (17 digits and a check digit or X) not glued to letters or digits, and an 11-digit mainland
     * mobile number (1[3-9]...) not glued to other digits, so order numbers and amounts are left alone. One pass
     * over the text, no regular expression: the reports run it over millions of cells.
     */
    public static String maskInText(String text) {
        if (text == null) {
            return null;
        }
        char[] masked = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            int hidden = hiddenDigits(text, start, i);
            if (hidden > 0) {
                if (masked == null) {
                    masked = text.toCharArray();
                }
                int from = hidden == 4 ? start + 3 : start + 6;
                java.util.Arrays.fill(masked, from, from + hidden, '*');
            }
        }
        return masked == null ? text : new String(masked);
    }

    /** How many digits of the digit run [start, end) to hide: 4 of a mobile number, 8 of an ID number, else 0. */
    private static int hiddenDigits(String text, int start, int end) {
        int length = end - start;
        if (length == 11 && text.charAt(start) == '1' && text.charAt(start + 1) >= '3') {
            return 4;
        }
        if (start > 0 && isLetter(text.charAt(start - 1))) {
            return 0;
        }
        if (length == 18 && !isLetterOrDigit(text, end)) {
            return 8;
        }
        if (length == 17 && end < text.length() && (text.charAt(end) == 'X' || text.charAt(end) == 'x')
                && !isLetterOrDigit(text, end + 1)) {
            return 8;
        }
        return 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isLetterOrDigit(String text, int at) {
        return at < text.length() && (isDigit(text.charAt(at)) || isLetter(text.charAt(at)));
    }
}
