package dev.ncmcp.plugin.calendar.ics;

import net.fortuna.ical4j.data.CalendarParserImpl;
import net.fortuna.ical4j.data.ContentHandler;
import net.fortuna.ical4j.data.FoldingWriter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.data.UnfoldingReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and writes iCalendar text. ical4j's reader and parser do the unfolding and tokenising; the result is a tree of
 * {@link IcsComponent}s that keeps every value as written, because ical4j's typed model rewrites date-times when it
 * writes them (a local 02:30 in a daylight-saving gap comes back as 03:30) and the stored object must keep its
 * {@code TZID}, its wall-clock times and its {@code VTIMEZONE} exactly.
 */
public final class Ics {

    private static final Pattern NEEDS_QUOTES = Pattern.compile("[:;,]");

    private Ics() {
    }

    /**
     * Parses an iCalendar object; the root is the VCALENDAR. Line ends are made CRLF first: Nextcloud returns
     * calendar-data in REPORTs with the CRs removed, and a folded line must still unfold.
     */
    public static IcsComponent parse(String text) throws ParserException {
        TreeBuilder tree = new TreeBuilder();
        try {
            new CalendarParserImpl().parse(new UnfoldingReader(new StringReader(
                    text.replace("\r\n", "\n").replace("\n", "\r\n")), true), tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tree.root == null) {
            throw new ParserException("no VCALENDAR", 0);
        }
        return tree.root;
    }

    /** Writes a component with CRLF line ends, folded at 75 octets. */
    public static String write(IcsComponent component) {
        StringWriter out = new StringWriter();
        try (FoldingWriter folding = new FoldingWriter(out)) {
            write(component, folding);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(IcsComponent component, FoldingWriter out) throws IOException {
        out.write("BEGIN:" + component.name() + "\r\n");
        for (IcsProperty property : component.properties()) {
            StringBuilder line = new StringBuilder(property.name());
            property.parameters().forEach((name, value) -> line.append(';').append(name).append('=')
                    .append(NEEDS_QUOTES.matcher(value).find() && !value.startsWith("\"") ? "\"" + value + "\"" : value));
            line.append(':').append(property.value()).append("\r\n");
            out.write(line.toString());
        }
        for (IcsComponent child : component.components()) {
            write(child, out);
        }
        out.write("END:" + component.name() + "\r\n");
    }

    /** Builds the tree from ical4j's parse events. */
    private static final class TreeBuilder implements ContentHandler {
        private final Deque<IcsComponent> open = new ArrayDeque<>();
        private IcsComponent root;
        private String propertyName;
        private String propertyValue;
        private Map<String, String> parameters;

        @Override
        public void startCalendar() {
            IcsComponent calendar = new IcsComponent("VCALENDAR");
            if (root == null) {
                root = calendar;
            }
            open.push(calendar);
        }

        @Override
        public void endCalendar() {
            open.pop();
        }

        @Override
        public void startComponent(String name) {
            IcsComponent component = new IcsComponent(name);
            open.peek().add(component);
            open.push(component);
        }

        @Override
        public void endComponent(String name) {
            open.pop();
        }

        @Override
        public void startProperty(String name) {
            propertyName = name;
            propertyValue = "";
            parameters = new LinkedHashMap<>();
        }

        @Override
        public void propertyValue(String value) {
            propertyValue = value;
        }

        @Override
        public void endProperty(String name) {
            open.peek().add(new IcsProperty(propertyName, parameters, propertyValue));
        }

        @Override
        public void parameter(String name, String value) {
            parameters.put(name, value);
        }
    }
}
