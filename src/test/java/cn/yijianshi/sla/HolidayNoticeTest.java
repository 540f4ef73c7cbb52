package cn.yijianshi.sla;

import static cn.yijianshi.sla.ShippedNotices.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HolidayNoticeTest {

    @ParameterizedTest(name = "{0}: {1} days listed")
    @CsvSource({"2024, 36", "2025, 33", "2026, 39"})
    void shippedNoticesAreReadWithTheirSchemaFieldsIgnored(int year, int listed) {
        HolidayNotice notice = ShippedNotices.year(year);

        assertThat(notice.year()).isEqualTo(year);
        assertThat(notice.days()).hasSize(listed);
        assertThat(notice.papers()).singleElement().asString().startsWith("https://www.gov.cn/");
    }

    @Test
    void makeUpDayIsListedAsNotOff() {
        HolidayNotice notice = ShippedNotices.year(2026);

        assertThat(notice.days()).contains(
                new HolidayNotice.NoticeDay("元旦", day("2026-01-01"), true),
                new HolidayNotice.NoticeDay("元旦", day("2026-01-04"), false),
                new HolidayNotice.NoticeDay("春节", day("2026-02-14"), false));
    }

    @Test
    void papersAreOptional() {
        HolidayNotice notice = HolidayNotice.parse(json("""
                {"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"""));

        assertThat(notice.papers()).isEmpty();
        assertThat(notice.days()).containsExactly(new HolidayNotice.NoticeDay("元旦", day("2027-01-01"), true));
    }

    @Test
    void impossibleDateIsRefusedInBothLanguages() {
        assertThatThrownBy(() -> HolidayNotice.parse(json("""
                {"year": 2027, "days": [{"name": "春节", "date": "2027-02-30", "isOffDay": true}]}""")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("节假日通知格式错误")
                .hasMessageContaining("2027-02-30 不是有效日期")
                .hasMessageContaining("invalid holiday notice");
    }

    @Test
    void dateInAnotherYearIsRefused() {
        assertThatThrownBy(() -> HolidayNotice.parse(json("""
                {"year": 2027, "days": [{"name": "元旦", "date": "2026-01-01", "isOffDay": true}]}""")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-01-01 不在 2027 年内");
    }

    @Test
    void dateListedTwiceIsRefused() {
        assertThatThrownBy(() -> HolidayNotice.parse(json("""
                {"year": 2027, "days": [
                  {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                  {"name": "元旦", "date": "2027-01-01", "isOffDay": false}]}""")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2027-01-01 重复");
    }

    @Test
    void dayWithoutANameIsRefused() {
        assertThatThrownBy(() -> HolidayNotice.parse(json("""
                {"year": 2027, "days": [{"name": "  ", "date": "2027-01-01", "isOffDay": true}]}""")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("缺少节日名称");
        assertThatThrownBy(() -> HolidayNotice.parse(json("""
                {"year": 2027, "days": [{"date": "2027-01-01", "isOffDay": true}]}""")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no name");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no year              | {\"days\": []}                                                      | year",
            "year as text         | {\"year\": \"2027\", \"days\": []}                                  | year",
            "no days              | {\"year\": 2027}                                                    | days",
            "not JSON             | 2027年放假安排                                                        | JSON",
            "a list, not a notice | []                                                                  | JSON 对象",
            "no date              | {\"year\": 2027, \"days\": [{\"name\": \"元旦\", \"isOffDay\": true}]} | 第 1 项缺少日期",
            "slashed date         | {\"year\": 2027, \"days\": [{\"name\": \"元旦\", \"date\": \"2027/01/01\", \"isOffDay\": true}]} | 2027/01/01",
            "no isOffDay          | {\"year\": 2027, \"days\": [{\"name\": \"元旦\", \"date\": \"2027-01-01\"}]} | isOffDay",
            "isOffDay as text     | {\"year\": 2027, \"days\": [{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": \"yes\"}]} | isOffDay"})
    void malformedNoticeIsRefusedWithAMessageThatSaysWhy(String story, String text, String expected) {
        assertThatThrownBy(() -> HolidayNotice.parse(json(text)))
                .as(story)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("节假日通知格式错误：")
                .hasMessageContaining(" / invalid holiday notice: ")
                .hasMessageContaining(expected);
    }

    @Test
    void noticeBuiltInCodeIsCheckedLikeAParsedOne() {
        List<HolidayNotice.NoticeDay> outsideTheYear = List.of(new HolidayNotice.NoticeDay("元旦", day("2026-01-01"), true));

        assertThatThrownBy(() -> new HolidayNotice(2027, List.of(), outsideTheYear))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is outside the year 2027");
    }

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
