package dev.ncmcp.spi.dav;

import dev.ncmcp.spi.ToolException.Kind;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.spi.xml.QName;
import dev.ncmcp.spi.xml.SafeXml;
import dev.ncmcp.spi.xml.XmlElement;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a WebDAV 207 Multi-Status (DTDs and external entities off) into {@link DavEntry}s. */
public final class Multistatus {

    private static final QName RESPONSE = QName.dav("response");
    private static final QName HREF = QName.dav("href");
    private static final QName PROPSTAT = QName.dav("propstat");
    private static final QName PROP = QName.dav("prop");
    private static final QName STATUS = QName.dav("status");

    private Multistatus() {
    }

    /** The entries of a 207 answer; any other status, or a body that is not XML, is an upstream error. */
    public static List<DavEntry> read(NextcloudResponse response) throws NextcloudException {
        if (response.status() != 207) {
            throw new NextcloudException(Kind.UPSTREAM_ERROR, "expected a WebDAV Multi-Status (207) but Nextcloud "
                    + "answered HTTP " + response.status());
        }
        XmlElement root;
        try {
            root = XmlElement.of(SafeXml.parse(response.body()).getDocumentElement());
        } catch (SAXException | IOException e) {
            throw new NextcloudException(Kind.UPSTREAM_ERROR, "Nextcloud sent a Multi-Status that is not valid XML", e);
        }
        List<DavEntry> entries = new ArrayList<>();
        for (XmlElement response207 : root.children(RESPONSE)) {
            response207.childText(HREF).ifPresent(href -> entries.add(entry(href, response207)));
        }
        return entries;
    }

    private static DavEntry entry(String href, XmlElement response) {
        Map<String, XmlElement> properties = new LinkedHashMap<>();
        for (XmlElement propstat : response.children(PROPSTAT)) {
            if (propstat.childText(STATUS).map(status -> !status.contains(" 200 ")).orElse(false)) {
                continue;
            }
            propstat.child(PROP).ifPresent(prop -> prop.children()
                    .forEach(property -> properties.put(property.name().toString(), property)));
        }
        int status = response.childText(STATUS).map(Multistatus::statusCode).orElse(200);
        return new DavEntry(DavPaths.decodeHref(href), status, properties);
    }

    /** {@code HTTP/1.1 404 Not Found} → 404. */
    static int statusCode(String statusLine) {
        String[] parts = statusLine.strip().split(" ");
        try {
            return parts.length > 1 ? Integer.parseInt(parts[1]) : 200;
        } catch (NumberFormatException e) {
            return 200;
        }
    }

    /** Hrefs may be absolute URLs; {@link DavEntry#href()} is always a path. */
    static String pathOf(String href) {
        return href.startsWith("http://") || href.startsWith("https://") ? URI.create(href).getRawPath() : href;
    }
}
