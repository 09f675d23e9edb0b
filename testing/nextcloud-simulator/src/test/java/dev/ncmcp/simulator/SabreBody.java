package dev.ncmcp.simulator;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A parsed Sabre error body ({@code <d:error>}), for assertions.
 */
public record SabreBody(Element root) {
    public static final String SABRE = "http://sabredav.org/ns";

    public static SabreBody of(HttpResponse<String> response) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
            Element root = doc.getDocumentElement();
            if (!"DAV:".equals(root.getNamespaceURI()) || !"error".equals(root.getLocalName())) {
                throw new AssertionError("not a d:error body: " + response.body());
            }
            return new SabreBody(root);
        } catch (Exception e) {
            throw new AssertionError("not XML: " + response.body(), e);
        }
    }

    public String exception() {
        return text(SABRE, "exception").orElseThrow();
    }

    public String message() {
        return text(SABRE, "message").orElseThrow();
    }

    public Optional<String> header() {
        return text(SABRE, "header");
    }

    /** Text of the first child element with this namespace and local name. */
    public Optional<String> text(String namespace, String local) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                return Optional.of(e.getTextContent());
            }
        }
        return Optional.empty();
    }
}
