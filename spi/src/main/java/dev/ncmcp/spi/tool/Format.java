package dev.ncmcp.spi.tool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The JSON Schema {@code format} of a string component, e.g. {@code date-time} or {@code uri}: a hint for the
 * model, not checked. {@link java.time.Instant} components get {@code date-time} by themselves.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Format {
    String value();
}
