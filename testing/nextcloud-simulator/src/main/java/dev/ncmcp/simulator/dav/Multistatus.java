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

    private final StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<d:multistatus xmlns:d=\"DAV:\" "
            + "xmlns:s=\"http://sabredav.org/ns\" xmlns:oc=\"http://owncloud.org/ns\" xmlns:nc=\"http://nextcloud.org/ns\">");
    private final Map<String, String> extraPrefixes = new HashMap<>();

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
        String prefix = PREFIXES.get(ns);
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
