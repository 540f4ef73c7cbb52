package cn.yijianshi.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The 18-character citizen ID number of GB 11643-1999: region (6), birth date (8), sequence (3,
 * odd = male), check character over ISO 7064 MOD 11-2.
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private final String value;
    private final LocalDate birthDate;

    private ResidentIdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /** The number if it is well formed, has a real birth date and a correct check character. */
    public static Optional<ResidentIdNumber> parse(String text) {
        if (text == null || !text.matches("[1-9]\\d{16}[0-9Xx]")) {
            return Optional.empty();
        }
        String value = text.toUpperCase();
        if (checkCharacter(value) != value.charAt(17)) {
            return Optional.empty();
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
            if (birth.getYear() < 1900) {
                return Optional.empty();
            }
            return Optional.of(new ResidentIdNumber(value, birth));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
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

    public LocalDate birthDate() {
        return birthDate;
    }

    /** "M" or "F", from the parity of the sequence number. */
    public String gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? "M" : "F";
    }
}
