package cn.yijianshi.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Codes become the names the hall uses, taken from the enums that own them. */
class CodeLabelsTest {

    @Test
    void storedCodesReadAsTheHallsWords() {
        assertThat(CodeLabels.label("issue-status", "OPEN")).isEqualTo("待处理");
        assertThat(CodeLabels.label("issue-status", "IN_PROGRESS")).isEqualTo("处理中");
        assertThat(CodeLabels.label("issue-status", "CLOSED")).isEqualTo("已销号");
        assertThat(CodeLabels.label("issue-source", "HOTLINE")).isEqualTo("12333热线");
        assertThat(CodeLabels.label("issue-category", "PENSION")).isEqualTo("养老待遇");
        assertThat(CodeLabels.label("channel", "WINDOW")).isEqualTo("窗口");
        assertThat(CodeLabels.label("matter", "RETIREMENT")).isEqualTo("退休一件事");
        assertThat(CodeLabels.label("dept", "window")).isEqualTo("综合窗口");
        assertThat(CodeLabels.label("dept", "dept-pension")).isEqualTo("社保经办");
        assertThat(CodeLabels.label("referral-status", "AWARDED")).isEqualTo("已裁决");
    }

    @Test
    void aCodeNoTableKnowsIsShownAsStored() {
        assertThat(CodeLabels.label("dept", "dept-tax")).isEqualTo("dept-tax");
        assertThat(CodeLabels.label("issue-status", "ARCHIVED")).isEqualTo("ARCHIVED");
    }

    @Test
    void aDefinitionNamingAnUnknownTableIsAMistakeSaidAloud() {
        assertThatThrownBy(() -> CodeLabels.label("departments", "window")).hasMessageContaining("no code table departments");
    }
}
