package dev.ncmcp.simulator.dav;

import dev.ncmcp.simulator.XmlEscape;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/**
 * XML helpers for WebDAV: safe request parsing (no DTDs, no external entities), element navigation, escaping.
 */
public final class DavXml {
    public static final String DAV = "DAV:";
    public static final String SABRE = "http://sabredav.org/ns";
    public static final String OC = "http://owncloud.org/ns";
    public static final String NC = "http://nextcloud.org/ns";

    private DavXml() {
    }

    /** A namespaced element name. */
    public record QName(String namespace, String local) {
        public static QName of(Element e) {
            return new QName(e.getNamespaceURI() == null ? "" : e.getNamespaceURI(), e.getLocalName());
        }

        public boolean is(String ns, String name) {
            return namespace.equals(ns) && local.equals(name);
        }
    }

    /** Parses a request body; empty or malformed bodies give an empty result. */
    public static Optional<Document> parse(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return Optional.of(builder.parse(new ByteArrayInputStream(body)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return Optional.empty();
        }
    }

    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    public static Optional<Element> child(Element parent, String ns, String local) {
        return children(parent).stream().filter(e -> QName.of(e).is(ns, local)).findFirst();
    }

    /** First descendant element with the given name (depth-first). */
    public static Optional<Element> find(Element root, String ns, String local) {
        for (Element c : children(root)) {
            if (QName.of(c).is(ns, local)) {
                return Optional.of(c);
            }
            Optional<Element> deeper = find(c, ns, local);
            if (deeper.isPresent()) {
                return deeper;
            }
        }
        return Optional.empty();
    }

    public static String escape(String text) {
        return XmlEscape.text(text);
    }
}
