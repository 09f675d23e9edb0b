package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.dav.DavXml;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import static dev.ncmcp.simulator.dav.DavXml.DAV;

/**
 * A parsed {@code d:basicsearch} (RFC 5323) run the way Nextcloud 31 runs it
 * ({@code apps/dav/lib/Files/FileSearchBackend.php}, {@code lib/private/Files/Node/Folder.php}):
 * <ul>
 *   <li>the search is always recursive: {@code d:depth} of the scope is ignored;</li>
 *   <li>the scope folder itself is part of the database query (the cache jail matches
 *       {@code path = <scope>} as well as {@code path LIKE '<scope>/%'}); the query is ordered and cut
 *       to {@code d:nresults} there, and only then does {@code Folder::search} drop the scope folder.
 *       So when the scope folder matches the conditions it uses up one of the {@code nresults} and
 *       the answer has one entry fewer, and it is never an entry itself;</li>
 *   <li>{@code d:nresults} 0 or missing means no limit (31.0.2 has no default limit);</li>
 *   <li>without {@code d:orderby} the database order is kept, here the file id (creation order).</li>
 * </ul>
 * {@code d:like} is SQL LIKE ({@link LikePattern}), except on {@code getcontenttype} ({@link SearchConditions}).
 */
record DavSearch(List<DavXml.QName> select, String scopeHref, Predicate<FileNode> where, Comparator<FileNode> order,
                 int limit) {

    /** Empty when the body is no basicsearch; throws {@link SearchConditions.Unsupported}. */
    static Optional<DavSearch> parse(Element root) {
        Element basic = DavXml.find(root, DAV, "basicsearch").orElse(null);
        if (basic == null) {
            return Optional.empty();
        }
        List<DavXml.QName> select = DavXml.child(basic, DAV, "select")
                .flatMap(s -> DavXml.child(s, DAV, "prop"))
                .map(p -> DavXml.children(p).stream().map(DavXml.QName::of).toList())
                .orElse(List.of());
        String href = DavXml.child(basic, DAV, "from").flatMap(f -> DavXml.child(f, DAV, "scope"))
                .flatMap(s -> DavXml.child(s, DAV, "href")).map(Element::getTextContent).orElse("").trim();
        Predicate<FileNode> where = DavXml.child(basic, DAV, "where")
                .flatMap(w -> DavXml.children(w).stream().findFirst())
                .map(SearchConditions::of).orElse(n -> true);
        Comparator<FileNode> order = DavXml.child(basic, DAV, "orderby").map(DavSearch::order).orElse(null);
        int limit = DavXml.child(basic, DAV, "limit").flatMap(l -> DavXml.child(l, DAV, "nresults"))
                .map(n -> parseInt(n.getTextContent())).orElse(0);
        return Optional.of(new DavSearch(select, href, where, order, limit));
    }

    List<FileNode> run(FileTree tree, FileNode scope) {
        List<FileNode> rows = new ArrayList<>(tree.descendants(scope).stream().filter(where).toList());
        rows.sort(Comparator.comparingLong(FileNode::id));
        if (order != null) {
            rows.sort(order);
        }
        List<FileNode> limited = limit > 0 && rows.size() > limit ? rows.subList(0, limit) : rows;
        return limited.stream().filter(n -> n != scope).toList();
    }

    private static Comparator<FileNode> order(Element orderBy) {
        Comparator<FileNode> result = null;
        for (Element o : DavXml.children(orderBy)) {
            DavXml.QName prop = DavXml.child(o, DAV, "prop")
                    .flatMap(p -> DavXml.children(p).stream().findFirst()).map(DavXml.QName::of).orElse(null);
            if (prop == null) {
                continue;
            }
            Comparator<FileNode> c = (a, b) -> compareValues(SearchConditions.valueOf(a, prop),
                                                             SearchConditions.valueOf(b, prop));
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

    private static int parseInt(String s) {
        try {
            long value = Long.parseLong(s.trim().toLowerCase(Locale.ROOT));
            return (int) Math.min(Integer.MAX_VALUE, Math.max(0, value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
