package dev.ncmcp.simulator.deck;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Dates as Deck stores and writes them: PHP's {@code new \DateTime($text)} reads the date, the database keeps it in
 * UTC and the API writes it as ATOM ({@code 2026-12-01T10:00:00+00:00}). A date PHP cannot read makes Deck fail
 * with a 500.
 */
final class DueDates {
    private static final DateTimeFormatter ATOM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private DueDates() {
    }

    static Optional<String> normalise(String text) {
        String value = text.strip();
        try {
            return Optional.of(format(OffsetDateTime.parse(value)));
        } catch (DateTimeParseException notWithOffset) {
            try {
                return Optional.of(format(LocalDateTime.parse(value).atOffset(ZoneOffset.UTC)));
            } catch (DateTimeParseException notLocal) {
                try {
                    return Optional.of(format(LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC)));
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        }
    }

    static String format(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).format(ATOM);
    }

    static String now(long epochSecond) {
        return format(OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }
}
