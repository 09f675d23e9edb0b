package dev.ncmcp.server.observe;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** The audit line's shape, and that an identity cannot forge fields or lines. */
class AuditLogTest {
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(AuditLog.LOGGER);
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private java.util.logging.Level previous;

    @BeforeEach
    void capture() {
        previous = logger.getLevel();
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
        logger.setLevel(previous);
    }

    private String onlyLine() {
        assertThat(records.size(), is(1));
        return new SimpleFormatter().formatMessage(records.getFirst());
    }

    @Test
    void oneInfoLineWithEveryField() {
        new AuditLog().toolCall("sub-1", "alice", "nc_notes_get_note", CallOutcome.toolError(Level2.NOT_FOUND),
                Duration.ofMillis(42), "0a1b2c3d4e5f");
        assertThat(records.getFirst().getLevel(), is(Level.INFO));
        assertThat(onlyLine(), is("tool_call subject=\"sub-1\" user=\"alice\" tool=\"nc_notes_get_note\" "
                + "outcome=\"tool_error:NOT_FOUND\" duration_ms=42 request_id=\"0a1b2c3d4e5f\""));
    }

    @Test
    void identitiesCannotForgeFieldsOrLines() {
        new AuditLog().toolCall("evil\" outcome=\"ok", "bob\ntool_call subject=\"admin\"", "t", CallOutcome.OK,
                Duration.ZERO, "r");
        String line = onlyLine();
        assertThat(line, not(containsString("\n")));
        assertThat(line, is("tool_call subject=\"evil\\\" outcome=\\\"ok\" user=\"bob\\ntool_call subject=\\\"admin\\\"\" "
                + "tool=\"t\" outcome=\"ok\" duration_ms=0 request_id=\"r\""));
    }

    @Test
    void nothingIsBuiltWhenTheAuditLoggerIsOff() {
        logger.setLevel(Level.OFF);
        new AuditLog().toolCall("sub", "alice", "t", CallOutcome.OK, Duration.ZERO, "r");
        assertThat(records, is(empty()));
    }

    /** A stand-in for the SPI's error kinds: the outcome takes any enum's name. */
    private enum Level2 { NOT_FOUND }
}
