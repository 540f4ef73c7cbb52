package cn.yijianshi.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import cn.yijianshi.TestCalendars;
import cn.yijianshi.intake.ResidentIdNumber.IdType;
import cn.yijianshi.system.HallClock;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The three documents that share GB 11643's layout, and every way a number is refused. */
class ResidentIdNumberTest {

    /** The hall's date in these tests; nobody may be born after it. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private static String valid(String first17) {
        return ResidentIdNumber.withCheckCharacter(first17);
    }

    private static ResidentIdNumber read(String number) {
        return ResidentIdNumber.read(number, TODAY);
    }

    @AfterEach
    void realClockAgain() {
        ClockUtil.reset();
    }

    @Test
    void aResidentIdentityCardNamesItsProvinceBirthDateAndGender() {
        ResidentIdNumber id = read(valid("11010119600307123"));
        assertThat(id.type()).isEqualTo(IdType.RESIDENT);
        assertThat(id.type().displayName()).isEqualTo("居民身份证");
        assertThat(id.regionCode()).isEqualTo("11");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1960, 3, 7));
        assertThat(id.gender()).isEqualTo("M");
    }

    @Test
    void aLowerCaseXIsReadAsX() {
        String number = "11010519491231002X";
        assertThat(ResidentIdNumber.checkCharacter(number.substring(0, 17))).as("a number whose check character is X").isEqualTo('X');
        assertThat(read(number.toLowerCase()).value()).isEqualTo(number);
        assertThat(read(number).gender()).isEqualTo("F");
    }

    @Test
    void everyProvinceOfGbt2260AndTaiwanBeginsAResidentNumberAndNothingElseDoes() {
        Set<String> provinces = new TreeSet<>();
        Set<String> permits = new TreeSet<>();
        for (int code = 10; code <= 89; code++) {
            ResidentIdNumber.parse(valid(code + "010119800101001"), TODAY).ifPresent(id -> {
                (id.type() == IdType.RESIDENT ? provinces : permits).add(id.regionCode());
            });
            ResidentIdNumber.parse(valid(code + "000019800101001"), TODAY)
                    .filter(id -> id.type() == IdType.HMT_RESIDENCE_PERMIT).ifPresent(id -> permits.add(id.regionCode()));
        }
        List<String> expected = IntStream.of(11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45,
                46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71).mapToObj(String::valueOf).toList();
        assertThat(provinces).containsExactlyElementsOf(expected);
        assertThat(permits).containsExactly("81", "82", "83");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"81, 香港", "82, 澳门", "83, 台湾"})
    void aResidencePermitOfHongKongMacaoAndTaiwanResidentsIsItsOwnType(String code, String place) {
        ResidentIdNumber id = read(valid(code + "000019900101002"));
        assertThat(id.type()).isEqualTo(IdType.HMT_RESIDENCE_PERMIT);
        assertThat(id.regionCode()).isEqualTo(code);
        assertThat(id.gender()).isEqualTo("F");
        assertThat(IdNumberRegions.shipped().residencePermitRegion(code)).hasValueSatisfying(name -> assertThat(name).contains(place));
    }

    @Test
    void aResidencePermitCarriesItsWholeAddressCode() {
        assertThatThrownBy(() -> read(valid("81010119900101002")))
                .isInstanceOf(ResidentIdNumber.Invalid.class)
                .hasMessageContaining("810000").hasMessageContaining("Hong Kong");
    }

    @Test
    void aForeignPermanentResidentIdCardOf2023NamesTheProvinceThatIssuedIt() {
        // 9, issued in Shanghai (31), nationality 840, born 1985-03-12, sequence 123 (odd: male)
        ResidentIdNumber id = read(valid("93184019850312123"));
        assertThat(id.type()).isEqualTo(IdType.FOREIGN_PERMANENT_RESIDENT);
        assertThat(id.type().displayName()).isEqualTo("外国人永久居留身份证");
        assertThat(id.regionCode()).isEqualTo("31");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1985, 3, 12));
        assertThat(id.gender()).isEqualTo("M");
    }

    @ParameterizedTest(name = "issued by {0}")
    @ValueSource(strings = {"99", "19", "00", "71", "81"})
    void aForeignPermanentResidentIdCardFromNoIssuingProvinceIsRefused(String issuer) {
        assertThatThrownBy(() -> read(valid("9" + issuer + "84019850312123")))
                .isInstanceOf(ResidentIdNumber.Invalid.class)
                .satisfies(e -> {
                    ResidentIdNumber.Invalid invalid = (ResidentIdNumber.Invalid) e;
                    assertThat(invalid.messageZh()).contains("外国人永久居留身份证", issuer, "省级行政区划代码");
                    assertThat(invalid.messageEn()).contains("issuing province", issuer);
                });
    }

    @ParameterizedTest(name = "first two digits {0}")
    @ValueSource(strings = {"19", "56", "10", "20", "70", "80", "84", "00"})
    void aNumberWhoseFirstTwoDigitsAreNoProvinceIsRefused(String code) {
        assertThatThrownBy(() -> read(valid(code + "010119800101001")))
                .isInstanceOf(ResidentIdNumber.Invalid.class)
                .satisfies(e -> {
                    ResidentIdNumber.Invalid invalid = (ResidentIdNumber.Invalid) e;
                    assertThat(invalid.messageZh()).contains(code, "省级行政区划代码");
                    assertThat(invalid.messageEn()).contains(code, "province code");
                });
    }

    @Test
    void aNumberBeginningWith99IsNeitherAProvinceNorAForeignersCard() {
        assertThatThrownBy(() -> read(valid("99010119800101001")))
                .isInstanceOf(ResidentIdNumber.Invalid.class)
                .hasMessageContaining("省级行政区划代码").hasMessageContaining("province");
    }

    @ParameterizedTest(name = "born {0}")
    @ValueSource(strings = {"20261130", "20270115", "20991231", "21000101"})
    void aBirthDateAfterTheHallsTodayIsRefused(String birth) {
        assertThatThrownBy(() -> read(valid("110101" + birth + "001")))
                .isInstanceOf(ResidentIdNumber.Invalid.class)
                .hasMessageContaining("出生日期晚于今天").hasMessageContaining("future");
        assertThatThrownBy(() -> read(valid("911840" + birth + "001"))).as("a foreigner's card too")
                .hasMessageContaining("出生日期晚于今天");
        assertThatThrownBy(() -> read(valid("810000" + birth + "001"))).as("a residence permit too")
                .hasMessageContaining("出生日期晚于今天");
    }

    @Test
    void aChildBornTodayHasAValidNumber() {
        assertThat(read(valid("11010120261129002")).birthDate()).isEqualTo(TODAY);
    }

    @ParameterizedTest(name = "born {0}")
    @ValueSource(strings = {"20230230", "19900230", "19000229", "19851301", "19850000", "19850431", "20250229"})
    void aBirthDateThatDoesNotExistIsRefused(String birth) {
        assertThatThrownBy(() -> read(valid("110101" + birth + "001")))
                .isInstanceOf(ResidentIdNumber.Invalid.class)
                .hasMessageContaining("不是存在的出生日期").hasMessageContaining("not a date that exists");
    }

    @Test
    void aBirthDateBefore1900IsRefused() {
        assertThatThrownBy(() -> read(valid("11010118991231001"))).hasMessageContaining("1900");
    }

    @Test
    void aWrongCheckCharacterIsRefused() {
        String good = valid("11010119600307123");
        String wrong = good.substring(0, 17) + (good.endsWith("1") ? "2" : "1");
        assertThatThrownBy(() -> read(wrong)).isInstanceOf(ResidentIdNumber.Invalid.class)
                .hasMessageContaining("校验位").hasMessageContaining("check character");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "11010119600307123", "1101011960030712311", "11010119600307123 1"})
    void aNumberOfTheWrongLengthIsRefused(String number) {
        assertThatThrownBy(() -> read(number)).isInstanceOf(ResidentIdNumber.Invalid.class)
                .hasMessageContaining("须为18位").hasMessageContaining("18 characters");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"11010119600307123 ", "X10101196003071234", "1101011960030712A3", "11010119600307123Y",
            "１１０１０１１９６００３０７１２３４", "11010119600307123４", "-11010119600307123"})
    void aNumberWithOtherCharactersThanDigitsAndAFinalXIsRefused(String number) {
        assertThatThrownBy(() -> read(number)).isInstanceOf(ResidentIdNumber.Invalid.class)
                .hasMessageContaining("须为数字").hasMessageContaining("must be digits");
    }

    @Test
    void nothingIsNotANumber() {
        assertThat(ResidentIdNumber.parse(null, TODAY)).isEmpty();
    }

    @Test
    void theRefusalNeverRepeatsTheNumber() {
        String future = valid("11010120991231001");
        assertThatThrownBy(() -> read(future)).satisfies(e -> assertThat(e.getMessage()).doesNotContain("20991231", future));
    }

    /** The Bean Validation constraint asks the hall clock for today: its date in the hall's zone, not the server's. */
    @Test
    void theFormCheckTakesTodayFromTheHallClockInTheHallsZone() {
        HallClock clock = new HallClock("Asia/Shanghai");
        ConstraintValidatorFactory withHallClock = new ConstraintValidatorFactory() {
            private final ConstraintValidatorFactory standard = Validation.byDefaultProvider().configure()
                    .getDefaultConstraintValidatorFactory();

            @Override
            @SuppressWarnings("unchecked")
            public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
                return key == ValidResidentId.Check.class ? (T) new ValidResidentId.Check(clock) : standard.getInstance(key);
            }

            @Override
            public void releaseInstance(ConstraintValidator<?, ?> instance) {
            }
        };
        Validator validator = Validation.byDefaultProvider().configure().constraintValidatorFactory(withHallClock)
                .buildValidatorFactory().getValidator();
        record Form(@ValidResidentId String idNumber) {
        }
        Form bornOnTheFirst = new Form(valid("11010120261201001"));

        // 2026-11-30 23:30 in the hall is still 15:30 UTC: the baby born on 1 December is not born yet.
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-11-30T23:30")));
        Set<ConstraintViolation<Form>> refused = validator.validate(bornOnTheFirst);
        assertThat(refused).singleElement().satisfies(v -> {
            assertThat(v.getPropertyPath().toString()).isEqualTo("idNumber");
            assertThat(v.getMessage()).isEqualTo("出生日期晚于今天|the birth date is in the future");
        });

        // 00:30 on 1 December in the hall is 16:30 UTC on 30 November: born today, valid.
        ClockUtil.setCurrentTime(Date.from(TestCalendars.hall("2026-12-01T00:30")));
        assertThat(validator.validate(bornOnTheFirst)).isEmpty();
        assertThat(validator.validate(new Form(null))).as("blank is left to @NotBlank").isEmpty();
    }
}
