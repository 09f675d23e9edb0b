package dev.ncmcp.spi.tool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value an argument takes when the model leaves it out, written as text ({@code "100"}, {@code "true"},
 * {@code "/"}, an enum's wire name). The argument is then optional, the schema shows the {@code default}, and
 * the handler receives the value: no {@code Optional} needed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Default {
    String value();
}
