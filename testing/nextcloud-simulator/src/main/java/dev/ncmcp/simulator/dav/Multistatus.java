package dev.ncmcp.simulator.dav;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@code d:multistatus} body with Sabre's namespace prefixes; properties in other
 * namespaces get inline {@code x1}, {@code x2}, … prefixes.
 */
public final class Multistatus {
    private static final Map<String, String> PREFIXES = Map.of(
            DavXml.DAV, "d", DavXml.SABRE, "s", DavXml.OC, "oc", DavXml.NC, "nc");

    public static final String CALDAV = "urn:ietf:params:xml:ns:caldav";
    public static final String CALENDARSERVER = "http://calendarserver.org/ns/";
    public static final String CARDDAV = "urn:ietf:params:xml:ns:carddav";

    private final StringBuilder xml;
    private final Map<String, String> rootPrefixes = new HashMap<>(PREFIXES);
    private final Map<String, String> extraPrefixes = new HashMap<>();

    /** A multistatus of the files app: {@code d}, {@code s}, {@code oc}, {@code nc}. */
    public Multistatus() {
        this(Map.of());
    }

    private Multistatus(Map<String, String> moreRootPrefixes) {
        rootPrefixes.putAll(moreRootPrefixes);
        StringBuilder root = new StringBuilder("<?xml version=\"1.0\"?>\n<d:multistatus xmlns:d=\"DAV:\" "
                + "xmlns:s=\"http://sabredav.org/ns\"");
        if (moreRootPrefixes.containsKey(CALDAV)) {
            root.append(" xmlns:cal=\"").append(CALDAV).append("\" xmlns:cs=\"").append(CALENDARSERVER).append('"');
        }
        if (moreRootPrefixes.containsKey(CARDDAV)) {
            root.append(" xmlns:card=\"").append(CARDDAV).append('"');
        }
        xml = root.append(" xmlns:oc=\"http://owncloud.org/ns\" xmlns:nc=\"http://nextcloud.org/ns\">");
    }

    /** A multistatus of the CalDAV plugin: also {@code cal} and {@code cs} (and {@code card} on principals). */
    public static Multistatus caldav(boolean withCardDav) {
        return withCardDav ? new Multistatus(Map.of(CALDAV, "cal", CALENDARSERVER, "cs", CARDDAV, "card"))
                : new Multistatus(Map.of(CALDAV, "cal", CALENDARSERVER, "cs"));
    }

    /** A multistatus of the CardDAV plugin: also {@code card}; calendarserver names get inline prefixes. */
    public static Multistatus carddav() {
        return new Multistatus(Map.of(CARDDAV, "card"));
    }

    /** A member a {@code sync-collection} report lists as deleted: only its href and a 404 status. */
    public Multistatus deleted(String href) {
        xml.append("<d:response><d:href>").append(DavXml.escape(href))
                .append("</d:href><d:status>HTTP/1.1 404 Not Found</d:status></d:response>");
        return this;
    }

    /** Raw XML after the responses, such as a {@code sync-token}. */
    public Multistatus append(String rawXml) {
        xml.append(rawXml);
        return this;
    }

    /**
     * An empty element for use inside a property value, with the prefix Sabre would give it: the root's, or an inline
     * {@code xN} declared on the element.
     */
    public String empty(String namespace, String local) {
        String prefix = rootPrefixes.get(namespace);
        if (prefix != null) {
            return "<" + prefix + ":" + local + "/>";
        }
        prefix = extraPrefixes.computeIfAbsent(namespace, n -> "x" + (extraPrefixes.size() + 1));
        return "<" + prefix + ":" + local + " xmlns:" + prefix + "=\"" + DavXml.escape(namespace) + "\"/>";
    }

    /** The prefix of a namespace the root declares, or empty. */
    public java.util.Optional<String> prefix(String namespace) {
        return java.util.Optional.ofNullable(rootPrefixes.get(namespace));
    }

    /** A property value: {@code inner} is already-escaped XML, {@code null} means a self-closing element. */
    public record Prop(DavXml.QName name, String inner) {
    }

    /** One propstat group; statuses with no props are left out. */
    public record PropStat(int status, List<Prop> props) {
    }

    public Multistatus response(String href, List<PropStat> propStats) {
        xml.append("<d:response><d:href>").append(DavXml.escape(href)).append("</d:href>");
        for (PropStat ps : propStats) {
            if (ps.props().isEmpty()) {
                continue;
            }
            xml.append("<d:propstat><d:prop>");
            for (Prop p : ps.props()) {
                element(p);
            }
            xml.append("</d:prop><d:status>HTTP/1.1 ").append(ps.status()).append(' ')
                    .append(reason(ps.status())).append("</d:status></d:propstat>");
        }
        xml.append("</d:response>");
        return this;
    }

    private void element(Prop p) {
        String ns = p.name().namespace();
        String prefix = rootPrefixes.get(ns);
        String declaration = "";
        if (prefix == null) {
            prefix = extraPrefixes.computeIfAbsent(ns, n -> "x" + (extraPrefixes.size() + 1));
            declaration = " xmlns:" + prefix + "=\"" + DavXml.escape(ns) + "\"";
        }
        String tag = prefix + ":" + p.name().local();
        if (p.inner() == null) {
            xml.append('<').append(tag).append(declaration).append("/>");
        } else {
            xml.append('<').append(tag).append(declaration).append('>').append(p.inner())
                    .append("</").append(tag).append('>');
        }
    }

    public String build() {
        return xml + "</d:multistatus>\n";
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 424 -> "Failed Dependency";
            default -> "Error";
        };
    }
}
