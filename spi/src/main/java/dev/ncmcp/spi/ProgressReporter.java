package dev.ncmcp.spi;

/** Sends {@code notifications/progress} for the running call. */
@FunctionalInterface
public interface ProgressReporter {

    ProgressReporter NONE = (progress, total, message) -> { };

    /**
     * @param progress increases with every call
     * @param total    the expected final value, or {@code null} when unknown
     * @param message  a short human-readable status, or {@code null}
     */
    void report(double progress, Double total, String message);
}
