package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

/** ID and mobile numbers are masked in free text (reports, logs); other numbers are left alone. */
class PersonalDataTest {

    @Test
    void idAndMobileNumbersInsideTextAreMasked() {
        assertThat(PersonalData.maskInText("申请人11010119600307123X，电话13800138000，另一号码 110101196003071232。"))
                .isEqualTo("申请人110101********123X，电话138****8000，另一号码 110101********1232。");
        assertThat(PersonalData.maskInText("13800138000")).isEqualTo("138****8000");
    }

    @Test
    void otherNumbersAreLeftAlone() {
        assertThat(PersonalData.maskInText("办件编号 TX-20261123-000001，金额 1380013800 元，订单 138001380001234"))
                .isEqualTo("办件编号 TX-20261123-000001，金额 1380013800 元，订单 138001380001234");
        assertThat(PersonalData.maskInText("12800138000")).as("not a mobile prefix").isEqualTo("12800138000");
        assertThat(PersonalData.maskInText("")).isEmpty();
        assertThat(PersonalData.maskInText(null)).isNull();
    }

    /** The rules as regular expressions, as they were first written: the one-pass scanner must agree with them. */
    private static final java.util.regex.Pattern ID_NUMBER =
            java.util.regex.Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final java.util.regex.Pattern MOBILE = java.util.regex.Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");

    private static String maskedByRegex(String text) {
        String ids = ID_NUMBER.matcher(text).replaceAll("$1********$2");
        return MOBILE.matcher(ids).replaceAll("$1****$2");
    }

    @Test
    void scannerAgreesWithTheRegularExpressionsOnRandomText() {
        java.util.Random random = new java.util.Random(20261123);
        String[] pieces = {"0", "1", "3", "8", "9", "X", "x", "a", "Z", " ", "，", "中", "-", "*",
                "13800138000", "19912345678", "12800138000", "110101196003071232", "11010119600307123X", "11010119600307123x"};
        int masked = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            int parts = random.nextInt(12);
            for (int p = 0; p < parts; p++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String expected = maskedByRegex(text.toString());
            assertThat(PersonalData.maskInText(text.toString())).as("masking of \"%s\"", text).isEqualTo(expected);
            if (!expected.contentEquals(text)) {
                masked++;
            }
        }
        assertThat(masked).as("texts that had something to mask").isGreaterThan(10_000);
    }

    @Test
    void fieldsAreMaskedWhole() {
        assertThat(PersonalData.maskIdNumber("11010119600307123X")).isEqualTo("110101********123X");
        assertThat(PersonalData.maskPhone("13800138000")).isEqualTo("138****8000");
    }

    @Test
    void logLinesCarryNoFullNumber() {
        LoggerContext context = new LoggerContext();
        Logger logger = context.getLogger("intake");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO,
                "accepted case for applicant {} phone {}", null, new Object[] {"11010119600307123X", "13800138000"});
        assertThat(new MaskingMessageConverter().convert(event))
                .isEqualTo("accepted case for applicant 110101********123X phone 138****8000");
    }
}
