package dev.ncmcp.plugin.files;

import dev.ncmcp.spi.Arguments;
import dev.ncmcp.spi.Content;
import dev.ncmcp.spi.ResourceContents;
import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.ToolResult;
import dev.ncmcp.spi.dav.DavEntry;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Tools that look at files without changing them: list, read, search, favorites. */
final class BrowseTools {

    /** Files without a text content type are still shown as text when they decode as UTF-8 and are this small. */
    static final long SNIFF_TEXT_LIMIT = 1024 * 1024;

    static final String ENTRY_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "name": {"type": "string", "description": "File or folder name"},
                "path": {"type": "string", "description": "Path in the user's files, starting with /; pass it to the other nc_files_* tools"},
                "type": {"type": "string", "enum": ["file", "directory"]},
                "size": {"type": "integer", "description": "Size in bytes (for folders: of everything inside, when the server reports it)"},
                "contentType": {"type": "string", "description": "MIME type of a file"},
                "modified": {"type": "string", "format": "date-time", "description": "Last modification, ISO-8601 UTC"},
                "etag": {"type": "string", "description": "Version tag; pass it as 'etag' to nc_files_write_file to avoid overwriting newer changes"},
                "favorite": {"type": "boolean", "description": "Whether the user marked it as a favorite (Nextcloud only)"}
              },
              "required": ["name", "path", "type"]
            }
            """;

    private final long maxReadBytes;

    BrowseTools(long maxReadBytes) {
        this.maxReadBytes = maxReadBytes;
    }

    List<ToolDefinition> tools() {
        return List.of(listDirectory(), readFile(), search(), listFavorites());
    }

    // ---------------------------------------------------------------- nc_files_list_directory

    private static final String LIST_INPUT = """
            {
              "type": "object",
              "properties": {
                "path": {"type": "string", "default": "/", "description": "Folder to list, e.g. / or /Documents/Projects. Relative paths are taken from the root of the user's files."}
              },
              "additionalProperties": false
            }
            """;

    private static final String LIST_OUTPUT = """
            {
              "type": "object",
              "properties": {
                "path": {"type": "string", "description": "The listed folder"},
                "count": {"type": "integer"},
                "entries": {"type": "array", "items": $ENTRY}
              },
              "required": ["path", "count", "entries"]
            }
            """.replace("$ENTRY", ENTRY_SCHEMA);

    private ToolDefinition listDirectory() {
        return ToolDefinition.builder("nc_files_list_directory")
                .title("List a folder")
                .description("""
                        Lists the files and folders directly inside a folder of the user's Nextcloud files \
                        (not recursive): name, path, type, size, content type, modification time, ETag and \
                        favorite flag. Folders come first, then files, each sorted by name. Start with path "/" \
                        to explore; use nc_files_read_file to open a file and nc_files_search to find files by \
                        name anywhere.""")
                .inputSchema(LIST_INPUT)
                .outputSchema(LIST_OUTPUT)
                .annotations(ToolAnnotations.READ_ONLY)
                .requires(FilesPlugin.READ)
                .handler(this::listDirectoryCall)
                .build();
    }

    private ToolResult listDirectoryCall(ToolInvocation invocation) throws ToolException {
        DavPath dir = DavPath.parse("path", invocation.arguments().optionalString("path").orElse("/"));
        NextcloudClient client = invocation.nextcloud();
        String root = client.filesRoot();
        NextcloudResponse response = Dav.sendToPath(client, slash -> Dav.propfind(dir.href(root, slash), 1));
        if (response.status() == 404) {
            throw ToolException.notFound("The folder " + dir.path() + " does not exist."
                    + (dir.isRoot() ? "" : " List " + dir.parent().path() + " to see what is there."));
        }
        if (response.status() != 207) {
            throw Dav.unexpected("PROPFIND", dir, response);
        }
        List<JsonObject> entries = new ArrayList<>();
        for (DavEntry entry : dev.ncmcp.spi.dav.Multistatus.read(response)) {
            Optional<DavPath> at = DavPath.fromHref(entry.href(), root);
            if (at.isEmpty()) {
                continue;
            }
            if (at.get().equals(dir)) {
                if (!Dav.isDirectory(entry)) {
                    throw ToolException.invalidArgument(dir.path()
                            + " is a file, not a folder. Use nc_files_read_file to read it.");
                }
                continue;
            }
            entries.add(Dav.entryJson(entry, at.get()));
        }
        entries.sort(Dav.LISTING_ORDER);
        JsonArrayBuilder array = Json.createArrayBuilder();
        StringBuilder summary = new StringBuilder(dir.path()).append(": ").append(entries.size())
                .append(entries.size() == 1 ? " entry" : " entries");
        for (JsonObject entry : entries) {
            array.add(entry);
            summary.append("\n").append("directory".equals(entry.getString("type")) ? "[dir]  " : "[file] ")
                    .append(entry.getString("path"));
            if (entry.containsKey("size") && "file".equals(entry.getString("type"))) {
                summary.append(" (").append(entry.getJsonNumber("size").longValue()).append(" bytes)");
            }
        }
        JsonObject structured = Json.createObjectBuilder()
                .add("path", dir.path())
                .add("count", entries.size())
                .add("entries", array)
                .build();
        return ToolResult.structured(structured, summary.toString());
    }

    // ---------------------------------------------------------------- nc_files_read_file

    private static final String READ_INPUT = """
            {
              "type": "object",
              "properties": {
                "path": {"type": "string", "description": "File to read, e.g. /Documents/notes.md"}
              },
              "required": ["path"],
              "additionalProperties": false
            }
            """;

    private static final String READ_OUTPUT = """
            {
              "type": "object",
              "properties": {
                "path": {"type": "string"},
                "name": {"type": "string"},
                "contentType": {"type": "string", "description": "MIME type reported by the server"},
                "size": {"type": "integer", "description": "Size in bytes"},
                "etag": {"type": "string", "description": "Version tag; pass it as 'etag' to nc_files_write_file when saving changes"},
                "modified": {"type": "string", "format": "date-time"},
                "encoding": {"type": "string", "enum": ["text", "base64"], "description": "text: the content is in 'text'; base64: the file is binary and embedded as a resource"},
                "text": {"type": "string", "description": "The file content, for text files"},
                "resourceUri": {"type": "string", "description": "URI of the embedded resource, for binary files"}
              },
              "required": ["path", "name", "contentType", "size", "encoding"]
            }
            """;

    private ToolDefinition readFile() {
        return ToolDefinition.builder("nc_files_read_file")
                .title("Read a file")
                .description(("""
                        Reads one file of the user's Nextcloud files. Text files (text/*, JSON, XML, Markdown, \
                        or anything small that is valid UTF-8) come back as text together with their ETag; \
                        binary files (images, PDFs, archives…) come back as an embedded resource \
                        (nc-files://<path>) with their MIME type. Files larger than %d bytes are refused with \
                        TOO_LARGE. To change a text file, pass the returned etag to nc_files_write_file.""")
                        .formatted(maxReadBytes))
                .inputSchema(READ_INPUT)
                .outputSchema(READ_OUTPUT)
                .annotations(ToolAnnotations.READ_ONLY)
                .requires(FilesPlugin.READ)
                .handler(this::readFileCall)
                .build();
    }

    private ToolResult readFileCall(ToolInvocation invocation) throws ToolException {
        DavPath file = DavPath.parse("path", invocation.arguments().string("path"));
        if (file.isRoot()) {
            throw ToolException.invalidArgument("'path' must name a file; / is the root folder. "
                    + "Use nc_files_list_directory to see its contents.");
        }
        NextcloudClient client = invocation.nextcloud();
        DavEntry entry = Dav.stat(client, file).orElseThrow(() -> ToolException.notFound(
                "The file " + file.path() + " does not exist. List " + file.parent().path() + " to see what is there."));
        if (Dav.isDirectory(entry)) {
            throw ToolException.invalidArgument(file.path()
                    + " is a folder, not a file. Use nc_files_list_directory to list it.");
        }
        Optional<Long> declared = Dav.number(entry.dav("getcontentlength"));
        if (declared.isPresent() && declared.get() > maxReadBytes) {
            throw tooLarge(file, declared.get());
        }
        NextcloudResponse response = client.send(NextcloudRequest.get(file.href(client.filesRoot())).build());
        if (response.status() == 404) {
            throw ToolException.notFound("The file " + file.path() + " was deleted while reading it.");
        }
        if (response.status() != 200) {
            throw Dav.unexpected("GET", file, response);
        }
        byte[] body = response.body();
        if (body.length > maxReadBytes) {
            throw tooLarge(file, body.length);
        }
        String contentType = response.header("Content-Type")
                .or(() -> entry.dav("getcontenttype"))
                .filter(s -> !s.isBlank())
                .orElse("application/octet-stream");
        String mime = mimeOnly(contentType);
        Optional<String> etag = response.header("ETag").or(() -> entry.dav("getetag")).filter(s -> !s.isBlank());

        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("path", file.path())
                .add("name", file.name())
                .add("contentType", mime)
                .add("size", body.length);
        etag.ifPresent(e -> json.add("etag", e));
        Dav.modified(entry).ifPresent(m -> json.add("modified", m));

        Optional<String> text = asText(mime, body);
        if (text.isPresent()) {
            json.add("encoding", "text").add("text", text.get());
            return ToolResult.structured(json.build(), List.of(new Content.Text(text.get())));
        }
        String uri = "nc-files:///" + file.encoded();
        json.add("encoding", "base64").add("resourceUri", uri);
        String summary = file.path() + " is a binary file (" + mime + ", " + body.length
                + " bytes); it is embedded as resource " + uri + ".";
        return ToolResult.structured(json.build(), List.of(new Content.Text(summary),
                new Content.EmbeddedResource(new ResourceContents.Blob(uri, mime,
                        Base64.getEncoder().encodeToString(body)))));
    }

    private ToolException tooLarge(DavPath file, long size) {
        return ToolException.tooLarge(file.path() + " is " + size + " bytes, more than the " + maxReadBytes
                + " bytes this server passes on. Share it with nc_files tools other than read, or ask for a "
                + "smaller file.");
    }

    private static final Set<String> TEXT_TYPES = Set.of(
            "application/json", "application/xml", "application/javascript", "application/x-javascript",
            "application/ecmascript", "application/x-yaml", "application/yaml", "application/toml",
            "application/x-sh", "application/x-shellscript", "application/sql", "application/x-php",
            "application/csv", "application/x-tex", "application/x-latex", "application/rtf",
            "application/x-markdown", "application/markdown", "image/svg+xml", "message/rfc822");

    static String mimeOnly(String contentType) {
        int semicolon = contentType.indexOf(';');
        return Dav.lower(semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
    }

    static boolean isTextType(String mime) {
        return mime.startsWith("text/") || TEXT_TYPES.contains(mime) || mime.endsWith("+json")
                || mime.endsWith("+xml") || mime.contains("markdown");
    }

    /** The content as text when it is a text type or small, valid UTF-8 without NUL bytes. */
    static Optional<String> asText(String mime, byte[] body) {
        boolean textType = isTextType(mime);
        if (!textType && body.length > SNIFF_TEXT_LIMIT) {
            return Optional.empty();
        }
        Optional<String> decoded = strictUtf8(body);
        if (decoded.isEmpty() || (!textType && decoded.get().indexOf('\0') >= 0)) {
            return Optional.empty();
        }
        return decoded;
    }

    private static Optional<String> strictUtf8(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- nc_files_search

    private static final String SEARCH_INPUT = """
            {
              "type": "object",
              "properties": {
                "name": {"type": "string", "description": "Part of the file name to look for, e.g. report (matches anywhere in the name, case-insensitive on Nextcloud), or a pattern with * and ? wildcards such as *.pdf"},
                "contentType": {"type": "string", "description": "MIME type or prefix, e.g. image/ (all images), application/pdf"},
                "path": {"type": "string", "default": "/", "description": "Only search inside this folder (and its subfolders)"},
                "limit": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50, "description": "Maximum number of results"}
              },
              "additionalProperties": false
            }
            """;

    private static final String ENTRIES_OUTPUT = """
            {
              "type": "object",
              "properties": {
                "count": {"type": "integer"},
                "entries": {"type": "array", "items": $ENTRY}
              },
              "required": ["count", "entries"]
            }
            """.replace("$ENTRY", ENTRY_SCHEMA);

    private ToolDefinition search() {
        return ToolDefinition.builder("nc_files_search")
                .title("Search files")
                .description("""
                        Finds files and folders anywhere in the user's Nextcloud files (or below 'path') by \
                        name and/or content type, newest first, using Nextcloud's WebDAV SEARCH. Give at least \
                        one of 'name' (e.g. "invoice" or "*.pdf") and 'contentType' (e.g. "image/"). Servers \
                        without WebDAV SEARCH answer with an error saying so; then browse with \
                        nc_files_list_directory instead.""")
                .inputSchema(SEARCH_INPUT)
                .outputSchema(ENTRIES_OUTPUT)
                .annotations(ToolAnnotations.READ_ONLY)
                .requires(FilesPlugin.READ)
                .handler(this::searchCall)
                .build();
    }

    private ToolResult searchCall(ToolInvocation invocation) throws ToolException {
        Arguments args = invocation.arguments();
        Optional<String> name = args.optionalString("name").map(String::strip).filter(s -> !s.isEmpty());
        Optional<String> type = args.optionalString("contentType").map(String::strip).filter(s -> !s.isEmpty());
        if (name.isEmpty() && type.isEmpty()) {
            throw ToolException.invalidArgument("Give 'name' and/or 'contentType' to search for.");
        }
        DavPath scope = DavPath.parse("path", args.optionalString("path").orElse("/"));
        long limit = args.optionalInteger("limit").orElse(50L);
        if (limit < 1 || limit > 200) {
            throw ToolException.invalidArgument("'limit' must be between 1 and 200");
        }
        for (String value : List.of(name.orElse(""), type.orElse(""))) {
            if (value.chars().anyMatch(c -> c < 0x20)) {
                throw ToolException.invalidArgument("search terms cannot contain control characters");
            }
        }
        NextcloudClient client = invocation.nextcloud();
        String root = client.filesRoot();
        String encodedRoot = DavPath.encodeRoot(root);
        int files = encodedRoot.lastIndexOf("/files/");
        if (files < 0) {
            throw unsupported("SEARCH", 0, "search");
        }
        String davRoot = encodedRoot.substring(0, files + 1);
        String scopeHref = DavPath.decodeLenient(encodedRoot.substring(files, encodedRoot.length() - 1))
                + (scope.isRoot() ? "" : scope.path());

        List<String> conditions = new ArrayList<>();
        name.ifPresent(n -> conditions.add(like("d:displayname", namePattern(n))));
        type.ifPresent(t -> conditions.add(typeCondition(t)));
        String where = conditions.size() == 1 ? conditions.getFirst()
                : "<d:and>" + String.join("", conditions) + "</d:and>";
        String body = """
                <?xml version="1.0" encoding="UTF-8"?>
                <d:searchrequest xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns">
                  <d:basicsearch>
                    <d:select>
                      <d:prop>
                        <d:displayname/>
                        <d:getcontenttype/>
                        <d:getcontentlength/>
                        <d:getetag/>
                        <d:getlastmodified/>
                        <d:resourcetype/>
                        <oc:fileid/>
                        <oc:size/>
                        <oc:favorite/>
                      </d:prop>
                    </d:select>
                    <d:from>
                      <d:scope>
                        <d:href>$SCOPE</d:href>
                        <d:depth>infinity</d:depth>
                      </d:scope>
                    </d:from>
                    <d:where>$WHERE</d:where>
                    <d:orderby>
                      <d:order>
                        <d:prop>
                          <d:getlastmodified/>
                        </d:prop>
                        <d:descending/>
                      </d:order>
                    </d:orderby>
                    <d:limit>
                      <d:nresults>$LIMIT</d:nresults>
                    </d:limit>
                  </d:basicsearch>
                </d:searchrequest>
                """.replace("$SCOPE", Dav.xml(scopeHref)).replace("$WHERE", where)
                .replace("$LIMIT", Long.toString(limit));
        NextcloudResponse response = client.send(NextcloudRequest.builder("SEARCH", davRoot)
                    .body(body.getBytes(StandardCharsets.UTF_8), "text/xml; charset=utf-8").build());
        if (isUnsupported(response.status())) {
            throw unsupported("SEARCH", response.status(), "Searching files");
        }
        if (response.status() == 404 && !scope.isRoot()) {
            throw ToolException.notFound("The folder " + scope.path() + " does not exist.");
        }
        if (response.status() != 207) {
            throw Dav.unexpected("SEARCH", scope, response);
        }
        return entriesResult(client, response, root, (int) limit,
                "Found %d matching file(s)" + (scope.isRoot() ? "" : " in " + scope.path()));
    }

    static String namePattern(String name) {
        if (name.contains("*") || name.contains("?")) {
            return name.replace('*', '%').replace('?', '_');
        }
        return "%" + name + "%";
    }

    private static String typeCondition(String type) {
        String t = Dav.lower(type);
        if (t.endsWith("/*")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.endsWith("/") || !t.contains("/")) {
            String prefix = t.endsWith("/") ? t : t + "/";
            return like("d:getcontenttype", prefix + "%");
        }
        return "<d:eq><d:prop><d:getcontenttype/></d:prop><d:literal>" + Dav.xml(t) + "</d:literal></d:eq>";
    }

    private static String like(String prop, String literal) {
        return "<d:like><d:prop><" + prop + "/></d:prop><d:literal>" + Dav.xml(literal) + "</d:literal></d:like>";
    }

    // ---------------------------------------------------------------- nc_files_list_favorites

    private static final String FAVORITES_INPUT = """
            {
              "type": "object",
              "properties": {
                "path": {"type": "string", "default": "/", "description": "Only list favorites inside this folder"}
              },
              "additionalProperties": false
            }
            """;

    private static final String FAVORITES_BODY = """
            <?xml version="1.0"?>
            <oc:filter-files xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns">
              <d:prop>
                <d:getetag/>
                <d:getcontenttype/>
                <d:getcontentlength/>
                <d:getlastmodified/>
                <d:resourcetype/>
                <oc:fileid/>
                <oc:favorite/>
                <oc:size/>
              </d:prop>
              <oc:filter-rules>
                <oc:favorite>1</oc:favorite>
              </oc:filter-rules>
            </oc:filter-files>
            """;

    private ToolDefinition listFavorites() {
        return ToolDefinition.builder("nc_files_list_favorites")
                .title("List favorite files")
                .description("""
                        Lists the files and folders the user marked as favorites (the star in Nextcloud), \
                        anywhere in their files or below 'path'. Servers without Nextcloud's favorites report \
                        answer with an error saying so.""")
                .inputSchema(FAVORITES_INPUT)
                .outputSchema(ENTRIES_OUTPUT)
                .annotations(ToolAnnotations.READ_ONLY)
                .requires(FilesPlugin.READ)
                .handler(this::listFavoritesCall)
                .build();
    }

    private ToolResult listFavoritesCall(ToolInvocation invocation) throws ToolException {
        DavPath scope = DavPath.parse("path", invocation.arguments().optionalString("path").orElse("/"));
        NextcloudClient client = invocation.nextcloud();
        String root = client.filesRoot();
        NextcloudResponse response = client.send(NextcloudRequest.builder("REPORT", scope.href(root, true))
                    .xml(FAVORITES_BODY).build());
        if (isUnsupported(response.status())) {
            throw unsupported("REPORT", response.status(), "Listing favorites");
        }
        if (response.status() == 404) {
            throw ToolException.notFound("The folder " + scope.path() + " does not exist.");
        }
        if (response.status() != 207) {
            throw Dav.unexpected("REPORT", scope, response);
        }
        return entriesResult(client, response, root, Integer.MAX_VALUE, "%d favorite(s)");
    }

    // ---------------------------------------------------------------- shared

    private static ToolResult entriesResult(NextcloudClient client, NextcloudResponse response, String root,
                                            int limit, String summaryFormat) throws ToolException {
        JsonArrayBuilder array = Json.createArrayBuilder();
        int count = 0;
        StringBuilder lines = new StringBuilder();
        for (DavEntry entry : dev.ncmcp.spi.dav.Multistatus.read(response)) {
            Optional<DavPath> at = DavPath.fromHref(entry.href(), root);
            if (at.isEmpty() || at.get().isRoot() || count >= limit) {
                continue;
            }
            JsonObject json = Dav.entryJson(entry, at.get());
            array.add(json);
            count++;
            lines.append("\n").append("directory".equals(json.getString("type")) ? "[dir]  " : "[file] ")
                    .append(json.getString("path"));
        }
        JsonObject structured = Json.createObjectBuilder().add("count", count).add("entries", array).build();
        return ToolResult.structured(structured, summaryFormat.formatted(count) + lines);
    }

    private static boolean isUnsupported(int status) {
        return status == 400 || status == 405 || status == 415 || status == 501;
    }

    private static ToolException unsupported(String method, int status, String what) {
        return new ToolException(ToolException.Kind.UPSTREAM_ERROR, what
                + " is not supported by this WebDAV server" + (status > 0 ? " (it answered HTTP " + status
                + " to " + method + ")" : "") + ". Nextcloud supports it; here, browse folders with "
                + "nc_files_list_directory instead.");
    }
}
