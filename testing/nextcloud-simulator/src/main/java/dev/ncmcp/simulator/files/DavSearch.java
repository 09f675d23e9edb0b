package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.dav.DavXml;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static dev.ncmcp.simulator.dav.DavXml.DAV;

/**
 * A parsed {@code d:basicsearch} (RFC 5323) in the subset Nextcloud clients use: select, scope,
 * where (and/or/not, eq, like, gt/gte/lt/lte, is-collection), orderby, limit.
 */
record DavSearch(List<DavXml.QName> select, String scopeHref, boolean recursive, Predicate<FileNode> where,
                 Comparator<FileNode> order, int limit) {

    static Optional<DavSearch> parse(Element root) {
        Element basic = DavXml.find(root, DAV, "basicsearch").orElse(null);
        if (basic == null) {
            return Optional.empty();
        }
        List<DavXml.QName> select = DavXml.child(basic, DAV, "select")
                .flatMap(s -> DavXml.child(s, DAV, "prop"))
                .map(p -> DavXml.children(p).stream().map(DavXml.QName::of).toList())
                .orElse(List.of());
        Element scope = DavXml.child(basic, DAV, "from").flatMap(f -> DavXml.child(f, DAV, "scope")).orElse(null);
        String href = scope == null ? "" : DavXml.child(scope, DAV, "href").map(Element::getTextContent).orElse("").trim();
        boolean recursive = scope == null || DavXml.child(scope, DAV, "depth")
                .map(d -> !d.getTextContent().trim().equals("1")).orElse(true);
        Predicate<FileNode> where = DavXml.child(basic, DAV, "where")
                .flatMap(w -> DavXml.children(w).stream().findFirst())
                .map(DavSearch::condition).orElse(n -> true);
        Comparator<FileNode> order = DavXml.child(basic, DAV, "orderby").map(DavSearch::order).orElse(null);
        int limit = DavXml.child(basic, DAV, "limit").flatMap(l -> DavXml.child(l, DAV, "nresults"))
                .map(n -> parseInt(n.getTextContent())).orElse(0);
        return Optional.of(new DavSearch(select, href, recursive, where, order, limit));
    }

    List<FileNode> run(FileTree tree, FileNode scopeNode) {
        List<FileNode> candidates = recursive
                ? tree.descendants(scopeNode).stream().filter(n -> n != scopeNode).toList()
                : List.copyOf(scopeNode.children());
        List<FileNode> hits = new ArrayList<>(candidates.stream().filter(where).toList());
        if (order != null) {
            hits.sort(order);
        }
        return limit > 0 && hits.size() > limit ? hits.subList(0, limit) : hits;
    }

    private static Predicate<FileNode> condition(Element e) {
        DavXml.QName name = DavXml.QName.of(e);
        if (!name.namespace().equals(DAV)) {
            return n -> false;
        }
        List<Element> children = DavXml.children(e);
        return switch (name.local()) {
            case "and" -> children.stream().map(DavSearch::condition).reduce(n -> true, Predicate::and);
            case "or" -> children.stream().map(DavSearch::condition).reduce(n -> false, Predicate::or);
            case "not" -> children.isEmpty() ? n -> true : condition(children.getFirst()).negate();
            case "is-collection" -> FileNode::isFolder;
            case "eq", "like", "gt", "gte", "lt", "lte" -> comparison(name.local(), e);
            default -> n -> false;
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
            Pattern pattern = likePattern(literal);
            return n -> pattern.matcher(String.valueOf(valueOf(n, prop))).matches();
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

    private static Comparator<FileNode> order(Element orderBy) {
        Comparator<FileNode> result = null;
        for (Element o : DavXml.children(orderBy)) {
            DavXml.QName prop = DavXml.child(o, DAV, "prop")
                    .flatMap(p -> DavXml.children(p).stream().findFirst()).map(DavXml.QName::of).orElse(null);
            if (prop == null) {
                continue;
            }
            Comparator<FileNode> c = (a, b) -> compareValues(valueOf(a, prop), valueOf(b, prop));
            if (DavXml.child(o, DAV, "descending").isPresent()) {
                c = c.reversed();
            }
            result = result == null ? c : result.thenComparing(c);
        }
        return result;
    }

    private static int compareValues(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        return String.valueOf(a).compareToIgnoreCase(String.valueOf(b));
    }

    /** The comparable value of a search property (numbers as Long). */
    private static Object valueOf(FileNode n, DavXml.QName prop) {
        return switch (prop.local()) {
            case "displayname" -> n.name();
            case "getcontenttype" -> DavProps.mime(n);
            case "getlastmodified" -> n.mtime();
            case "size", "getcontentlength" -> n.size();
            case "fileid" -> n.id();
            case "favorite" -> n.favorite() ? 1L : 0L;
            case "resourcetype" -> n.isFolder() ? "collection" : "";
            default -> "";
        };
    }

    private static Pattern likePattern(String literal) {
        StringBuilder regex = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if (c == '%' || c == '_') {
                regex.append(Pattern.quote(plain.toString()));
                plain.setLength(0);
                regex.append(c == '%' ? ".*" : ".");
            } else {
                plain.append(c);
            }
        }
        regex.append(Pattern.quote(plain.toString()));
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    private static int parseInt(String s) {
        Long l = parseLong(s);
        return l == null ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.max(0, l));
    }

    private static Long parseLong(String s) {
        try {
            return Long.parseLong(s.trim().toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
