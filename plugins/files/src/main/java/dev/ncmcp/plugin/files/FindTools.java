package dev.ncmcp.plugin.files;

import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.dav.Dav;
import dev.ncmcp.spi.dav.DavPaths;
import dev.ncmcp.spi.files.FileInfo;
import dev.ncmcp.spi.files.FilePath;
import dev.ncmcp.spi.files.UserFiles;
import dev.ncmcp.spi.nextcloud.Answer;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.spi.tool.Default;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Range;
import dev.ncmcp.spi.tool.Tool;
import dev.ncmcp.spi.xml.QName;
import dev.ncmcp.spi.xml.XmlWriter;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Finding files anywhere below a folder: nc_files_search (WebDAV SEARCH), nc_files_list_favorites (REPORT). */
final class FindTools {

    record Search(@Description("Part of the file name to look for, e.g. report (matches anywhere in the name, "
                          + "ignoring case), or a pattern for the whole name with * and ? wildcards such as *.pdf")
                  Optional<String> name,
                  @Description("MIME type or prefix, e.g. image/ (all images), application/pdf")
                  Optional<String> contentType,
                  @Description("Only search inside this folder (and its subfolders)") @Default("/") String path,
                  @Description("Maximum number of results") @Range(min = 1, max = 200) @Default("50") int limit) {
        Search {
            name = name.map(String::strip).filter(text -> !text.isEmpty());
            contentType = contentType.map(String::strip).filter(text -> !text.isEmpty());
            if (name.isEmpty() && contentType.isEmpty()) {
                throw new IllegalArgumentException("Give 'name' and/or 'contentType' to search for.");
            }
            if (Stream.of(name, contentType).flatMap(Optional::stream).anyMatch(t -> t.chars().anyMatch(c -> c < 0x20))) {
                throw new IllegalArgumentException("search terms cannot contain control characters");
            }
        }
    }

    record Found(@Description("How many files and folders were found") int count,
                 @Description("The files and folders found, newest first") List<FileInfo> entries,
                 @Description("true when more files match than 'limit' allowed; narrow the search or raise the limit")
                 Optional<Boolean> truncated) {}

    record ListFavorites(@Description("Only list favorites inside this folder") @Default("/") String path) {}

    record Favorites(@Description("How many favorites there are") int count,
                     @Description("The favorite files and folders") List<FileInfo> entries) {}

    List<ToolDefinition> tools() {
        return List.of(
                Tool.define("nc_files_search", Search.class, Found.class).title("Search files")
                        .description("""
                                Finds files and folders anywhere in the user's Nextcloud files (or below 'path') by \
                                name and/or content type, newest first, using Nextcloud's WebDAV SEARCH. Give at least \
                                one of 'name' (e.g. "invoice" or "*.pdf") and 'contentType' (e.g. "image/"). Servers \
                                without WebDAV SEARCH answer with an error saying so; then browse with \
                                nc_files_list_directory instead.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(FilesPlugin.READ)
                        .handler(this::search),
                Tool.define("nc_files_list_favorites", ListFavorites.class, Favorites.class).title("List favorite files")
                        .description("""
                                Lists the files and folders the user marked as favorites (the star in Nextcloud), \
                                anywhere in their files or below 'path'. Servers without Nextcloud's favorites report \
                                answer with an error saying so.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(FilesPlugin.READ)
                        .handler(this::listFavorites));
    }

    private Found search(Search args, ToolInvocation call) throws ToolException {
        FilePath scope = FilePath.parse("path", args.path());
        UserFiles files = UserFiles.of(call.nextcloud());
        String root = FilePath.encodeRoot(files.root());
        int filesAt = root.lastIndexOf("/files/");
        if (filesAt < 0) {
            throw unsupported("Search", "SEARCH", 0);
        }
        // one more than the limit tells a cut list; Nextcloud counts the scope folder against nresults, then drops it
        int asked = args.limit() + 2;
        String scopeHref = DavPaths.decode(root.substring(filesAt, root.length() - 1))
                + (scope.isRoot() ? "" : scope.path());
        NextcloudResponse response = files.send(Dav.search(root.substring(0, filesAt + 1), XmlWriter.document(
                QName.dav("searchrequest"), request -> request.element(QName.dav("basicsearch"), search -> search
                        .element(QName.dav("select"), select -> select.element(QName.dav("prop"),
                                prop -> FileInfo.PROPERTIES.forEach(prop::empty)))
                        .element(QName.dav("from"), from -> from.element(QName.dav("scope"), in -> in
                                .text(QName.dav("href"), scopeHref).text(QName.dav("depth"), "infinity")))
                        .element(QName.dav("where"), where -> where(where, args))
                        .element(QName.dav("orderby"), by -> by.element(QName.dav("order"), order -> order
                                .element(QName.dav("prop"), prop -> prop.empty(QName.dav("getlastmodified")))
                                .empty(QName.dav("descending"))))
                        .element(QName.dav("limit"), limit -> limit
                                .text(QName.dav("nresults"), Integer.toString(asked)))))));
        answer(response, scope, "Searching files", "SEARCH").expect(207);
        List<FileInfo> all = files.entries(response);
        Optional<NamePattern> name = args.name().map(NamePattern::new);
        List<FileInfo> hits = all.stream().filter(entry -> !entry.path().equals(scope.path()))
                .filter(entry -> name.isEmpty() || name.get().matches(entry.name())).toList();
        boolean truncated = hits.size() > args.limit() || all.size() >= asked;
        hits = hits.subList(0, Math.min(hits.size(), args.limit()));
        return new Found(hits.size(), hits, Optional.of(truncated));
    }

    private static void where(XmlWriter where, Search args) {
        if (args.name().isPresent() && args.contentType().isPresent()) {
            where.element(QName.dav("and"), and -> conditions(and, args));
        } else {
            conditions(where, args);
        }
    }

    /**
     * A content type ending in {@code /} or {@code /*}, or without a {@code /}, is a prefix. Nextcloud reads a
     * {@code getcontenttype} "like" as no SQL LIKE: {@code image/%} compares the part before the slash as it is.
     */
    private static void conditions(XmlWriter where, Search args) {
        args.name().ifPresent(name -> compare(where, "like", "displayname", new NamePattern(name).like()));
        args.contentType().map(type -> type.toLowerCase(Locale.ROOT).replaceAll("/\\*?$", "")).ifPresent(type -> {
            if (type.contains("/")) {
                compare(where, "eq", "getcontenttype", type);
            } else {
                compare(where, "like", "getcontenttype", type + "/%");
            }
        });
    }

    private static void compare(XmlWriter where, String operator, String property, String literal) {
        where.element(QName.dav(operator), comparison -> comparison
                .element(QName.dav("prop"), prop -> prop.empty(QName.dav(property))).text(QName.dav("literal"), literal));
    }

    private Favorites listFavorites(ListFavorites args, ToolInvocation call) throws ToolException {
        FilePath scope = FilePath.parse("path", args.path());
        UserFiles files = UserFiles.of(call.nextcloud());
        String body = XmlWriter.document(QName.owncloud("filter-files"), report -> report
                .element(QName.dav("prop"), prop -> FileInfo.PROPERTIES.forEach(prop::empty))
                .element(QName.owncloud("filter-rules"), rules -> rules.text(QName.owncloud("favorite"), "1")));
        NextcloudResponse response = files.send(Dav.report(files.href(scope, true), 1, body));
        answer(response, scope, "Listing favorites", "REPORT").expect(207);
        List<FileInfo> favorites = files.entries(response).stream().filter(entry -> !entry.path().equals("/")).toList();
        return new Favorites(favorites.size(), favorites);
    }

    /** Servers without SEARCH or Nextcloud's REPORT refuse in several ways; the model should hear it plainly. */
    private static Answer answer(NextcloudResponse response, FilePath scope, String what, String method) {
        return Answer.of(response).about(scope.path())
                .on(404, refusal -> ToolException.notFound("The folder " + scope.path() + " does not exist."))
                .on(400, refusal -> refusal.reason().isPresent() ? null : unsupported(what, method, 400))
                .on(405, refusal -> unsupported(what, method, 405))
                .on(415, refusal -> unsupported(what, method, 415))
                .on(501, refusal -> unsupported(what, method, 501));
    }

    private static ToolException unsupported(String what, String method, int status) {
        return ToolException.upstream(what + " is not supported by this WebDAV server" + (status > 0 ? " (it answered "
                + "HTTP " + status + " to " + method + ")" : "") + ". Nextcloud supports it; here, browse folders with "
                + "nc_files_list_directory instead.");
    }
}
