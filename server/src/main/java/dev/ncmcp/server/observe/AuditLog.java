package dev.ncmcp.server.observe;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;

/**
 * One INFO line per {@code tools/call} on the logger {@value #LOGGER}: who (subject and Nextcloud user), which tool,
 * how it ended and how long it took. Never arguments, results or tokens: they carry content and secrets.
 * Operators route the logger to its own file or sink through the logging configuration.
 *
 * <p>Example: {@code tool_call subject="8f2c…" user="alice" tool="nc_notes_get_note" outcome="ok"
 * duration_ms=42 request_id="3fa9c1d2e4b5"}
 */
public final class AuditLog {
    public static final String LOGGER = "dev.ncmcp.audit";

    private final System.Logger log;

    public AuditLog() {
        this(System.getLogger(LOGGER));
    }

    AuditLog(System.Logger log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @param requestId the id that ties this line to error logs of the same request
     */
    public void toolCall(String subject, String nextcloudUser, String tool, CallOutcome outcome, Duration duration,
                         String requestId) {
        if (!log.isLoggable(Level.INFO)) {
            return;
        }
        String line = "tool_call subject=" + quote(subject)
                + " user=" + quote(nextcloudUser)
                + " tool=" + quote(tool)
                + " outcome=" + quote(outcome.tag())
                + " duration_ms=" + duration.toMillis()
                + " request_id=" + quote(requestId);
        log.log(Level.INFO, line);
    }

    /** Quotes a value so that no identity can forge fields or lines: quotes, backslashes and controls escaped. */
    static String quote(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
