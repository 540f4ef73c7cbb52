package cn.yijianshi.intake;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.yijianshi.system.HallClock;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An 18-character ID number ({@link ResidentIdNumber}: 居民身份证, 港澳台居民居住证 or 外国人永久居留身份证)
 * that is valid on the hall's date; blank is left to @NotBlank. The refusal says what is wrong.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidResidentId.Check.class)
public @interface ValidResidentId {

    String message() default "身份证号码无效|not a valid ID number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Built by Spring's validator factory, which hands it the hall clock ("today" follows the engine clock). */
    class Check implements ConstraintValidator<ValidResidentId, String> {

        private final HallClock clock;

        public Check(HallClock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            try {
                ResidentIdNumber.read(value, clock.today());
                return true;
            } catch (ResidentIdNumber.Invalid e) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(literal(e.messageZh() + "|" + e.messageEn()))
                        .addConstraintViolation();
                return false;
            }
        }

        /** Our text is a message, not a template: braces, $ and backslashes stay as they are. */
        private static String literal(String message) {
            StringBuilder escaped = new StringBuilder(message.length());
            for (char c : message.toCharArray()) {
                if (c == '{' || c == '}' || c == '$' || c == '\\') {
                    escaped.append('\\');
                }
                escaped.append(c);
            }
            return escaped.toString();
        }
    }
}
