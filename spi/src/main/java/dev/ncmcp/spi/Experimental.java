package dev.ncmcp.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a part of the SPI that is still settling: it works and is supported, but its shape may change
 * in a minor release (with a note in the changelog) instead of only in a major one. Plugins may use
 * it; they should expect to adapt when upgrading.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD, ElementType.PACKAGE})
public @interface Experimental {

    /** The ncmcp version that introduced the element, e.g. {@code "0.1.0"}. */
    String since();
}
