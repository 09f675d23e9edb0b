package dev.ncmcp.plugin.calendar.ics;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IcsTest {

    private static final String OUTLOOK = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r
            BEGIN:VTIMEZONE\r
            TZID:W. Europe Standard Time\r
            BEGIN:STANDARD\r
            DTSTART:16011028T030000\r
            RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r
            TZOFFSETFROM:+0200\r
            TZOFFSETTO:+0100\r
            END:STANDARD\r
            BEGIN:DAYLIGHT\r
            DTSTART:16010325T020000\r
            RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r
            TZOFFSETFROM:+0100\r
            TZOFFSETTO:+0200\r
            END:DAYLIGHT\r
            END:VTIMEZONE\r
            BEGIN:VEVENT\r
            UID:outlook-1\r
            DTSTAMP:20260101T000000Z\r
            DTSTART;TZID=W. Europe Standard Time:20260329T023000\r
            DTEND;TZID=W. Europe Standard Time:20260329T040000\r
            SUMMARY:Gap\\, with a comma\r
            X-MICROSOFT-CDO-BUSYSTATUS;X-P="a:b":BUSY\r
            ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSV\r
             P=TRUE;CN=Bob:mailto:bob@example.org\r
            END:VEVENT\r
            END:VCALENDAR\r
            """;

    @Test
    void writingBackKeepsEveryValueAsWrittenIncludingAWallTimeInTheGap() throws Exception {
        IcsComponent calendar = Ics.parse(OUTLOOK);
        String written = Ics.write(calendar).replace("\r\n ", "");
        assertTrue(written.contains("DTSTART;TZID=W. Europe Standard Time:20260329T023000"), written);
        assertTrue(written.contains("X-MICROSOFT-CDO-BUSYSTATUS;X-P=\"a:b\":BUSY"), written);
        assertTrue(written.contains("SUMMARY:Gap\\, with a comma"), written);
        assertTrue(written.contains("RSVP=TRUE;CN=Bob:mailto:bob@example.org"), "folded lines unfold: " + written);
        IcsComponent event = calendar.components("VEVENT").getFirst();
        assertEquals("Gap, with a comma", event.text("SUMMARY").orElseThrow());
    }

    @Test
    void linesFoldedWithBareLineFeedsUnfold() throws Exception {
        IcsComponent calendar = Ics.parse(OUTLOOK.replace("\r\n", "\n"));
        assertEquals("mailto:bob@example.org", calendar.components("VEVENT").getFirst().value("ATTENDEE").orElseThrow());
    }

    @Test
    void aZoneThatIsNotIanaIsReadFromItsOwnVTimeZone() throws Exception {
        IcsComponent calendar = Ics.parse(OUTLOOK);
        Zones zones = new Zones(calendar);
        IcsTime start = Recurrences.start(calendar.components("VEVENT").getFirst(), zones).orElseThrow();
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), start.instant(Zone.UTC), "the offset before the gap");
        assertTrue(zones.zone("W. Europe Standard Time").iana().isEmpty());
    }

    @Test
    void aUtcUntilEndsAZonedSeriesAtTheRightLocalOccurrence() throws Exception {
        IcsComponent calendar = Ics.parse("""
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:x\r
                BEGIN:VEVENT\r
                UID:u\r
                DTSTAMP:20260101T000000Z\r
                DTSTART;TZID=America/New_York:20261026T090000\r
                DURATION:PT1H\r
                RRULE:FREQ=DAILY;UNTIL=20261102T140000Z\r
                EXDATE;TZID=America/New_York:20261028T090000\r
                END:VEVENT\r
                END:VCALENDAR\r
                """);
        List<Occurrence> all = Recurrences.between(calendar, "VEVENT", Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), Zone.UTC);
        // 26, 27, 29, 30, 31 Oct, 1 Nov (EDT, 13:00Z) and 2 Nov (EST, 14:00Z, the UNTIL itself)
        assertEquals(List.of("2026-10-26T13:00:00Z", "2026-10-27T13:00:00Z", "2026-10-29T13:00:00Z",
                "2026-10-30T13:00:00Z", "2026-10-31T13:00:00Z", "2026-11-01T14:00:00Z", "2026-11-02T14:00:00Z"),
                all.stream().map(o -> o.start().orElseThrow().instant(Zone.UTC).toString()).toList());
        assertEquals(Instant.parse("2026-11-02T15:00:00Z"), all.getLast().end().orElseThrow().instant(Zone.UTC));
    }
}
