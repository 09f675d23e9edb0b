package dev.ncmcp.spi.tool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Inclusive bounds of a string's length ({@code minLength}/{@code maxLength}) or of a list's size
 * ({@code minItems}/{@code maxItems}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Length {
    int min() default 0;

    int max() default Integer.MAX_VALUE;
}
