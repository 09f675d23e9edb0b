package dev.ncmcp.spi.xml;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

/** XML parsing with DTDs and external entities disabled: no XXE, no entity expansion bombs. */
public final class SafeXml {

    private static final DocumentBuilderFactory FACTORY = createFactory();

    private SafeXml() {
    }

    /** Parses a namespace-aware DOM. */
    public static Document parse(byte[] xml) throws SAXException, IOException {
        DocumentBuilder builder;
        try {
            builder = FACTORY.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(xml));
    }

    /** The document element as a tree, or empty when the bytes are not well-formed XML. */
    public static Optional<XmlElement> tree(byte[] xml) {
        try {
            return Optional.of(XmlElement.of(parse(xml).getDocumentElement()));
        } catch (SAXException | IOException e) {
            return Optional.empty();
        }
    }

    private static DocumentBuilderFactory createFactory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory;
        } catch (ParserConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
