package dev.ncmcp.spi.xml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes small XML request bodies (PROPFIND, REPORT, MKCALENDAR, PROPPATCH, SEARCH) with the usual DAV
 * prefixes ({@code d}, {@code oc}, {@code nc}, {@code cal}, {@code card}, {@code cs}, {@code x1}) and escaped
 * text. Elements nest by lambdas:
 * <pre>{@code
 * XmlWriter.document(QName.dav("propfind"), root -> root.element(QName.dav("prop"), prop -> {
 *     prop.empty(QName.dav("getetag"));
 *     prop.text(QName.dav("displayname"), name);
 * }));
 * }</pre>
 */
public final class XmlWriter {

    private static final Map<String, String> PREFIXES = new LinkedHashMap<>();

    static {
        PREFIXES.put(QName.DAV, "d");
        PREFIXES.put(QName.OWNCLOUD, "oc");
        PREFIXES.put(QName.NEXTCLOUD, "nc");
        PREFIXES.put(QName.CALDAV, "cal");
        PREFIXES.put(QName.CARDDAV, "card");
        PREFIXES.put(QName.CALENDARSERVER, "cs");
        PREFIXES.put(QName.APPLE_ICAL, "x1");
    }

    /** Fills an element with children. */
    @FunctionalInterface
    public interface Content {
        void write(XmlWriter element);
    }

    private final StringBuilder out;

    private XmlWriter(StringBuilder out) {
        this.out = out;
    }

    /** A whole document whose root declares every known prefix. */
    public static String document(QName root, Content content) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<");
        out.append(prefixed(root));
        PREFIXES.forEach((namespace, prefix) -> out.append(" xmlns:").append(prefix).append("=\"")
                .append(namespace).append('"'));
        out.append('>');
        content.write(new XmlWriter(out));
        out.append("</").append(prefixed(root)).append(">\n");
        return out.toString();
    }

    public XmlWriter element(QName name, Content content) {
        out.append('<').append(prefixed(name)).append('>');
        content.write(this);
        out.append("</").append(prefixed(name)).append('>');
        return this;
    }

    public XmlWriter empty(QName name) {
        out.append('<').append(prefixed(name)).append("/>");
        return this;
    }

    /** An element with an attribute and no content, e.g. {@code <cal:comp name="VEVENT"/>}. */
    public XmlWriter empty(QName name, String attribute, String value) {
        out.append('<').append(prefixed(name)).append(' ').append(attribute).append("=\"").append(escape(value))
                .append("\"/>");
        return this;
    }

    /**
     * An element with attributes (in the map's order) and content, e.g. a CalDAV
     * {@code <cal:comp-filter name="VEVENT">…</cal:comp-filter>}.
     */
    public XmlWriter element(QName name, Map<String, String> attributes, Content content) {
        out.append('<').append(prefixed(name));
        attributes(attributes);
        out.append('>');
        content.write(this);
        out.append("</").append(prefixed(name)).append('>');
        return this;
    }

    /** An element with attributes and no content, e.g. {@code <cal:time-range start="…" end="…"/>}. */
    public XmlWriter empty(QName name, Map<String, String> attributes) {
        out.append('<').append(prefixed(name));
        attributes(attributes);
        out.append("/>");
        return this;
    }

    /** An element with attributes and escaped text, e.g. {@code <card:text-match match-type="contains">ann</…>}. */
    public XmlWriter text(QName name, Map<String, String> attributes, String text) {
        out.append('<').append(prefixed(name));
        attributes(attributes);
        out.append('>').append(escape(text)).append("</").append(prefixed(name)).append('>');
        return this;
    }

    private void attributes(Map<String, String> attributes) {
        attributes.forEach((attribute, value) -> out.append(' ').append(attribute).append("=\"").append(escape(value))
                .append('"'));
    }

    public XmlWriter text(QName name, String text) {
        out.append('<').append(prefixed(name)).append('>').append(escape(text)).append("</")
                .append(prefixed(name)).append('>');
        return this;
    }

    /** Escapes text for element content and attribute values. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String prefixed(QName name) {
        String prefix = PREFIXES.get(name.namespace());
        if (prefix == null) {
            throw new IllegalArgumentException("no prefix for namespace " + name.namespace()
                    + "; known: " + PREFIXES.keySet());
        }
        return prefix + ":" + name.name();
    }
}
