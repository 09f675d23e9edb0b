package dev.ncmcp.spi.xml;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An element of a parsed XML document, detached from the DOM: its name, attributes, text and child elements.
 *
 * @param text the element's whole text content (of all descendants), trimmed
 */
public record XmlElement(QName name, Map<String, String> attributes, String text, List<XmlElement> children) {

    /** Deeper nesting than any DAV answer needs is cut off rather than followed. */
    static final int MAX_DEPTH = 24;

    public XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    public static XmlElement of(Element element) {
        return of(element, 0);
    }

    private static XmlElement of(Element element, int depth) {
        Map<String, String> attributes = new LinkedHashMap<>();
        NamedNodeMap attrs = element.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr attr = (Attr) attrs.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(attr.getNamespaceURI())) {
                attributes.put(attr.getLocalName() != null ? attr.getLocalName() : attr.getName(), attr.getValue());
            }
        }
        List<XmlElement> children = new ArrayList<>();
        if (depth < MAX_DEPTH) {
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element nested) {
                    children.add(of(nested, depth + 1));
                }
            }
        }
        String namespace = element.getNamespaceURI() == null ? "" : element.getNamespaceURI();
        String local = element.getLocalName() != null ? element.getLocalName() : element.getTagName();
        return new XmlElement(new QName(namespace, local), attributes, element.getTextContent().trim(), children);
    }

    public boolean is(QName other) {
        return name.equals(other);
    }

    public Optional<XmlElement> child(QName childName) {
        return children.stream().filter(child -> child.is(childName)).findFirst();
    }

    public List<XmlElement> children(QName childName) {
        return children.stream().filter(child -> child.is(childName)).toList();
    }

    /** The text of the first child with this name. */
    public Optional<String> childText(QName childName) {
        return child(childName).map(XmlElement::text);
    }
}
