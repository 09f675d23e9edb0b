package dev.ncmcp.server.nextcloud;

import dev.ncmcp.spi.nextcloud.DavEntry;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a WebDAV 207 Multi-Status document into {@link DavEntry}s (found properties only). */
final class Multistatus {

    private static final String DAV = "DAV:";

    private Multistatus() {
    }

    static List<DavEntry> parse(Document document) {
        List<DavEntry> entries = new ArrayList<>();
        NodeList responses = document.getElementsByTagNameNS(DAV, "response");
        for (int i = 0; i < responses.getLength(); i++) {
            Element response = (Element) responses.item(i);
            Element href = firstChild(response, DAV, "href");
            if (href == null) {
                continue;
            }
            Map<String, String> properties = new LinkedHashMap<>();
            boolean collection = false;
            for (Element propstat : children(response, DAV, "propstat")) {
                Element status = firstChild(propstat, DAV, "status");
                if (status != null && !status.getTextContent().contains(" 200 ")) {
                    continue;
                }
                Element prop = firstChild(propstat, DAV, "prop");
                if (prop == null) {
                    continue;
                }
                for (Node child = prop.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element property) {
                        String key = "{" + nullToEmpty(property.getNamespaceURI()) + "}" + property.getLocalName();
                        properties.put(key, property.getTextContent().trim());
                        if (DAV.equals(property.getNamespaceURI()) && "resourcetype".equals(property.getLocalName())) {
                            collection = firstChild(property, DAV, "collection") != null;
                        }
                    }
                }
            }
            entries.add(new DavEntry(decodeHref(href.getTextContent().trim()), collection, properties));
        }
        return entries;
    }

    /** Hrefs may be absolute URLs or paths, always percent-encoded; we hand plugins decoded paths. */
    static String decodeHref(String href) {
        String path = href;
        if (href.startsWith("http://") || href.startsWith("https://")) {
            path = URI.create(href).getRawPath();
        }
        return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Element firstChild(Element parent, String namespace, String localName) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                result.add(element);
            }
        }
        return result;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
