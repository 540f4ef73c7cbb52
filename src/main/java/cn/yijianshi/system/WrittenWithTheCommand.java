package cn.yijianshi.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A mapper statement whose row, written inside an engine command (a task's listener, a step's delegate), goes to the
 * database with the command's own rows, in its flush ({@link HallWritesInTheFlush}). For a write whose caller needs
 * nothing back: the method returns {@code void}, generates no key, and its caller does not catch its failure (a
 * failure fails the command, as it would have at once).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WrittenWithTheCommand {
}
