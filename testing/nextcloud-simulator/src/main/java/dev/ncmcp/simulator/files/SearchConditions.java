package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.dav.DavXml;
import org.w3c.dom.Element;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.ncmcp.simulator.dav.DavXml.DAV;

/**
 * The {@code d:where} of a SEARCH as predicates on file nodes: and/or/not, eq, like, gt/gte/lt/lte,
 * is-collection, compared on the stored values (the stored MIME type, not the served one).
 */
final class SearchConditions {
    private static final Pattern MIME_PART_LIKE = Pattern.compile("(.+)/%");

    /** A condition Nextcloud refuses while building the query; SEARCH answers 500 with it. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    private SearchConditions() {
    }

    static Predicate<FileNode> of(Element e) {
        DavXml.QName name = DavXml.QName.of(e);
        if (!name.namespace().equals(DAV)) {
            return n -> false;
        }
        List<Element> children = DavXml.children(e);
        return switch (name.local()) {
            case "and" -> children.stream().map(SearchConditions::of).reduce(n -> true, Predicate::and);
            case "or" -> children.stream().map(SearchConditions::of).reduce(n -> false, Predicate::or);
            case "not" -> children.isEmpty() ? n -> true : of(children.getFirst()).negate();
            case "is-collection" -> FileNode::isFolder;
            case "eq", "like", "gt", "gte", "lt", "lte" -> comparison(name.local(), e);
            default -> n -> false;
        };
    }

    /** The comparable value of a property (numbers as Long); the home folder's cache name is "files". */
    static Object valueOf(FileNode n, DavXml.QName prop) {
        return switch (prop.local()) {
            case "displayname" -> n.parent() == null ? "files" : n.name();
            case "getcontenttype" -> DavProps.mime(n);
            case "getlastmodified" -> n.mtime();
            case "size", "getcontentlength" -> n.size();
            case "fileid" -> n.id();
            case "favorite" -> n.favorite() ? 1L : 0L;
            case "resourcetype" -> n.isFolder() ? "collection" : "";
            default -> "";
        };
    }

    private static Predicate<FileNode> comparison(String op, Element e) {
        DavXml.QName prop = DavXml.child(e, DAV, "prop")
                .flatMap(p -> DavXml.children(p).stream().findFirst()).map(DavXml.QName::of).orElse(null);
        String literal = DavXml.child(e, DAV, "literal").map(Element::getTextContent).orElse("");
        if (prop == null) {
            return n -> false;
        }
        if (op.equals("like")) {
            return prop.local().equals("getcontenttype") ? mimeLike(literal) : like(prop, literal);
        }
        return n -> {
            Object value = valueOf(n, prop);
            int cmp;
            if (value instanceof Long l) {
                Long lit = parseLong(literal);
                if (lit == null) {
                    return false;
                }
                cmp = Long.compare(l, lit);
            } else if (prop.local().equals("getcontenttype")) {
                cmp = String.valueOf(value).compareTo(literal);
            } else {
                cmp = String.valueOf(value).compareToIgnoreCase(literal);
            }
            return switch (op) {
                case "eq" -> cmp == 0;
                case "gt" -> cmp > 0;
                case "gte" -> cmp >= 0;
                case "lt" -> cmp < 0;
                default -> cmp <= 0;
            };
        };
    }

    private static Predicate<FileNode> like(DavXml.QName prop, String literal) {
        Pattern pattern = LikePattern.compile(literal);
        return n -> pattern.matcher(String.valueOf(valueOf(n, prop))).matches();
    }

    /**
     * {@code SearchBuilder::getOperatorFieldAndValueInner}: a MIME type "like" is no LIKE at all.
     * {@code type/%} compares the part before the slash, a literal without {@code %} compares the
     * whole type (so {@code _} is no wildcard), anything else with {@code %} is refused.
     */
    private static Predicate<FileNode> mimeLike(String literal) {
        Matcher part = MIME_PART_LIKE.matcher(literal);
        if (part.find()) {
            String wanted = part.group(1);
            return n -> {
                String mime = DavProps.mime(n);
                return mime.substring(0, Math.max(mime.indexOf('/'), 0)).equals(wanted);
            };
        }
        if (literal.contains("%")) {
            throw new Unsupported("Unsupported query value for mimetype: " + literal
                                  + ", only values in the format \"mime/type\" or \"mime/%\" are supported");
        }
        return n -> DavProps.mime(n).equals(literal);
    }

    private static Long parseLong(String s) {
        try {
            return Long.parseLong(s.trim().toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
