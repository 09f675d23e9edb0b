package dev.ncmcp.simulator;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * XML helpers for WebDAV: safe request parsing, element navigation, escaping and Sabre error bodies.
 */
final class DavXml {
    static final String DAV = "DAV:";
    static final String SABRE = "http://sabredav.org/ns";
    static final String OC = "http://owncloud.org/ns";
    static final String NC = "http://nextcloud.org/ns";

    private DavXml() {
    }

    /** A namespaced element name. */
    record QName(String namespace, String local) {
        static QName of(Element e) {
            return new QName(e.getNamespaceURI() == null ? "" : e.getNamespaceURI(), e.getLocalName());
        }

        boolean is(String ns, String name) {
            return namespace.equals(ns) && local.equals(name);
        }
    }

    /** Parses a request body; empty or malformed bodies give an empty result. */
    static Optional<Document> parse(byte[] body) {
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

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static Optional<Element> child(Element parent, String ns, String local) {
        return children(parent).stream().filter(e -> QName.of(e).is(ns, local)).findFirst();
    }

    /** First descendant element with the given name (depth-first). */
    static Optional<Element> find(Element root, String ns, String local) {
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

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\r' -> sb.append("&#13;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A Sabre exception body ({@code <d:error>}), optionally naming the failed header. */
    static SimResponse error(int status, String exception, String message, String header) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<d:error xmlns:d=\"DAV:\" xmlns:s=\"http://sabredav.org/ns\">\n")
                .append("  <s:exception>").append(escape(exception)).append("</s:exception>\n")
                .append("  <s:message>").append(escape(message)).append("</s:message>\n");
        if (header != null) {
            xml.append("  <s:header>").append(escape(header)).append("</s:header>\n");
        }
        xml.append("</d:error>\n");
        return SimResponse.xml(status, xml.toString());
    }
}
