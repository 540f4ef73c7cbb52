package cn.yijianshi.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 统一社会信用代码: GB 32100's check character over the code, GB 11714's over the organization code inside. */
class CreditCodeTest {

    @Test
    void publishedCodesAreValidAndAWrongCheckCharacterIsNot() {
        assertThat(CreditCode.problem("91350100M000100Y43")).isEmpty();
        assertThat(CreditCode.problem("914403001922038216")).isEmpty();
        assertThat(CreditCode.problem("914403001922038217")).isPresent();
        assertThat(CreditCode.problem("91440300192203821")).isPresent();
    }

    @Test
    void aCodeMadeFromItsPartsCarriesBothCheckCharacters() {
        String code = CreditCode.of("91110105", "MA01ABCD");
        assertThat(code).hasSize(18).startsWith("91110105MA01ABCD");
        assertThat(CreditCode.problem(code)).isEmpty();
        assertThat(CreditCode.organizationCodeValid(code.substring(8, 17))).isTrue();
    }
}
