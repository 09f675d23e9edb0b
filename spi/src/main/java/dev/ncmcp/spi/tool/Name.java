package dev.ncmcp.spi.tool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name on the wire when it differs from the Java name: of a record component (by default its own name)
 * or of an enum constant (by default the constant's name in lower case).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Name {
    String value();
}
