package cn.yijianshi.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfficeHoursTest {

    @Test
    void morningAndAfternoonWindowsMakeSevenHoursADay() {
        OfficeHours hours = OfficeHours.parse("09:00-12:00,13:30-17:30");

        assertThat(hours.windows()).containsExactly(
                new OfficeHours.Window(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new OfficeHours.Window(LocalTime.of(13, 30), LocalTime.of(17, 30)));
        assertThat(hours.perDay()).isEqualTo(Duration.ofHours(7));
        assertThat(hours).hasToString("09:00-12:00,13:30-17:30");
    }

    @Test
    void spacesAroundWindowsAreTolerated() {
        assertThat(OfficeHours.parse(" 08:30 - 12:00 , 14:00-18:00 ").perDay()).isEqualTo(Duration.ofMinutes(450));
    }

    @Test
    void hallOpenWithoutALunchBreakHasOneWindow() {
        assertThat(OfficeHours.parse("08:30-17:00").perDay()).isEqualTo(Duration.ofMinutes(510));
    }

    @Test
    void windowsThatTouchAreAllowed() {
        assertThat(OfficeHours.parse("09:00-12:00,12:00-13:00").perDay()).isEqualTo(Duration.ofHours(4));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "afternoon before morning   | 13:30-17:30,09:00-12:00 | 重叠或顺序颠倒",
            "overlapping                | 09:00-12:00,11:00-13:00 | overlaps",
            "closing before opening     | 12:00-09:00             | 结束时间不晚于开始时间",
            "empty window               | 09:00-09:00             | does not end after it starts",
            "hours without minutes      | 9-12                    | HH:mm",
            "not a time                 | 09:00-noon              | HH:mm",
            "no end                     | 09:00                   | 开始-结束",
            "trailing comma             | 09:00-12:00,            | 开始-结束",
            "three ends                 | 09:00-12:00-13:00       | start-end"})
    void badOfficeHoursAreRefusedWithTheConfiguredText(String story, String text, String expected) {
        assertThatThrownBy(() -> OfficeHours.parse(text))
                .as(story)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("办公时间格式错误：")
                .hasMessageContaining("invalid office hours")
                .hasMessageContaining(expected)
                .hasMessageContaining("configured as '" + text + "'");
    }

    @Test
    void blankOfficeHoursAreRefused() {
        assertThatThrownBy(() -> OfficeHours.parse(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("内容为空");
        assertThatThrownBy(() -> OfficeHours.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void officeHoursBuiltInCodeAreCheckedToo() {
        OfficeHours.Window afternoon = new OfficeHours.Window(LocalTime.of(13, 30), LocalTime.of(17, 30));
        OfficeHours.Window morning = new OfficeHours.Window(LocalTime.of(9, 0), LocalTime.of(12, 0));

        assertThatThrownBy(() -> new OfficeHours(List.of(afternoon, morning))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OfficeHours(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one window");
    }
}
