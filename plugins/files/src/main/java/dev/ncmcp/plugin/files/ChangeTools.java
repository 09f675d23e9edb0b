package dev.ncmcp.plugin.files;

import dev.ncmcp.spi.Arguments;
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
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Tools that change files: write, create folder, delete, move, copy. */
final class ChangeTools {

    List<ToolDefinition> tools() {
        return List.of(writeFile(), createDirectory(), delete(), move(), copy());
    }

    // ---------------------------------------------------------------- nc_files_write_file

    private static final String WRITE_INPUT = """
            {
              "type": "object",
              "properties": {
                "path": {"type": "string", "description": "File to create or replace, e.g. /Documents/todo.md. Its folder must exist."},
                "content": {"type": "string", "description": "The complete new content as text (stored as UTF-8). Give this or 'base64'."},
                "base64": {"type": "string", "description": "The complete new content as base64, for binary files. Give this or 'content'."},
                "contentType": {"type": "string", "description": "MIME type to send; guessed from the file name when omitted"},
                "etag": {"type": "string", "description": "The etag from nc_files_read_file or nc_files_list_directory: the write only succeeds if the file has not changed since (recommended when editing)"},
                "createOnly": {"type": "boolean", "default": false, "description": "Only create a new file; fail instead of replacing an existing one"}
              },
              "required": ["path"],
              "additionalProperties": false
            }
            """;

    private static final String WRITE_OUTPUT = """
            {
              "type": "object",
              "properties": {
                "path": {"type": "string"},
                "etag": {"type": "string", "description": "The new version tag, for the next write"},
                "created": {"type": "boolean", "description": "true if the file was new, false if an existing file was replaced"},
                "size": {"type": "integer", "description": "Bytes written"}
              },
              "required": ["path", "created", "size"]
            }
            """;

    private ToolDefinition writeFile() {
        return ToolDefinition.builder("nc_files_write_file")
                .title("Write a file")
                .description("""
                        Creates a file or replaces its whole content in the user's Nextcloud files. Pass text as \
                        'content' or binary data as 'base64'. When editing an existing file, pass the 'etag' you \
                        got from nc_files_read_file so that changes made meanwhile by someone else are not \
                        overwritten (you get a CONFLICT and should read the file again). Use 'createOnly' to \
                        never replace an existing file. The folder must exist: create it first with \
                        nc_files_create_directory.""")
                .inputSchema(WRITE_INPUT)
                .outputSchema(WRITE_OUTPUT)
                .annotations(ToolAnnotations.DESTRUCTIVE)
                .requires(FilesPlugin.WRITE)
                .handler(this::writeFileCall)
                .build();
    }

    private ToolResult writeFileCall(ToolInvocation invocation) throws ToolException {
        Arguments args = invocation.arguments();
        DavPath file = DavPath.parse("path", args.string("path"));
        if (file.isRoot()) {
            throw ToolException.invalidArgument("'path' must name a file, e.g. /notes.txt; / is the root folder.");
        }
        Optional<String> text = args.optionalString("content");
        Optional<String> base64 = args.optionalString("base64");
        if (text.isPresent() == base64.isPresent()) {
            throw ToolException.invalidArgument("Give exactly one of 'content' (text) and 'base64' (binary data).");
        }
        byte[] data;
        if (text.isPresent()) {
            data = text.get().getBytes(StandardCharsets.UTF_8);
        } else {
            try {
                data = Base64.getMimeDecoder().decode(base64.get().strip());
            } catch (IllegalArgumentException e) {
                throw ToolException.invalidArgument("'base64' is not valid base64: " + e.getMessage());
            }
        }
        Optional<String> etag = args.optionalString("etag").map(String::strip).filter(s -> !s.isEmpty());
        boolean createOnly = args.bool("createOnly", false);
        if (etag.isPresent() && createOnly) {
            throw ToolException.invalidArgument("'etag' (replace this version) and 'createOnly' (file must not exist) "
                    + "exclude each other; give one of them.");
        }
        String contentType = args.optionalString("contentType").filter(s -> !s.isBlank())
                .orElseGet(() -> guessType(file.name(), text.isPresent()));

        NextcloudClient client = invocation.nextcloud();
        NextcloudRequest.Builder put = NextcloudRequest.put(file.href(client.filesRoot())).body(data, contentType);
        etag.ifPresent(e -> put.header("If-Match", Dav.etagHeader(e)));
        if (createOnly) {
            put.header("If-None-Match", "*");
        }
        NextcloudResponse response = client.send(put.build());
        int status = response.status();
        if (status == 412) {
            JsonValue current = currentVersion(client, file);
            if (createOnly) {
                throw ToolException.conflict(file.path() + " already exists and 'createOnly' was set. Read it with "
                        + "nc_files_read_file, or write without 'createOnly' to replace it.", current);
            }
            String weak = etag.orElse("").startsWith("W/")
                    ? " (The etag you passed is a weak one, given for a file changed within the last second;"
                    + " read the file again for a strong etag.)" : "";
            throw ToolException.conflict(file.path() + " has changed since it was read (the etag no longer "
                    + "matches). Read it again with nc_files_read_file, merge your changes, and write with the new etag."
                    + weak, current);
        }
        if (status == 404 || status == 409) {
            if (etag.isPresent() && status == 404) {
                throw ToolException.notFound(file.path() + " does not exist (any more), so it cannot be replaced "
                        + "at the given etag. Write without 'etag' to create it.");
            }
            throw ToolException.notFound("The folder " + file.parent().path() + " does not exist. Create it first "
                    + "with nc_files_create_directory (it may need 'parents': true), then write the file.");
        }
        if (status == 405) {
            throw ToolException.invalidArgument(file.path() + " is a folder; a file cannot be written over it.");
        }
        if (status == 413) {
            throw ToolException.tooLarge("Nextcloud refused the " + data.length + " bytes for " + file.path()
                    + " as too large (HTTP 413).");
        }
        if (status != 200 && status != 201 && status != 204) {
            throw Dav.unexpected("PUT", file, response);
        }
        Optional<String> newEtag = response.header("OC-ETag").or(() -> response.header("ETag"));
        if (newEtag.isEmpty()) {
            newEtag = Dav.stat(client, file).flatMap(e -> e.dav("getetag"));
        }
        boolean created = status == 201;
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("path", file.path())
                .add("created", created)
                .add("size", data.length);
        newEtag.filter(s -> !s.isBlank()).ifPresent(e -> json.add("etag", e));
        return ToolResult.structured(json.build(), (created ? "Created " : "Replaced ") + file.path() + " ("
                + data.length + " bytes)" + newEtag.map(e -> ", etag " + e).orElse("") + ".");
    }

    /** The current version of a file for a conflict's details, or null when it cannot be told. */
    private static JsonValue currentVersion(NextcloudClient client, DavPath file) {
        try {
            Optional<DavEntry> entry = Dav.stat(client, file);
            return entry.<JsonValue>map(e -> Dav.entryJson(e, file)).orElse(null);
        } catch (ToolException e) {
            return null;
        }
    }

    static String guessType(String name, boolean text) {
        String lower = Dav.lower(name);
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
            return "text/markdown; charset=utf-8";
        }
        if (lower.endsWith(".json")) {
            return "application/json";
        }
        String guessed = URLConnection.guessContentTypeFromName(name);
        if (guessed != null) {
            return guessed.startsWith("text/") ? guessed + "; charset=utf-8" : guessed;
        }
        return text ? "text/plain; charset=utf-8" : "application/octet-stream";
    }

    // ---------------------------------------------------------------- nc_files_create_directory

    private static final String MKDIR_INPUT = """
            {
              "type": "object",
              "properties": {
                "path": {"type": "string", "description": "Folder to create, e.g. /Projects/2026"},
                "parents": {"type": "boolean", "default": false, "description": "Also create missing parent folders (like mkdir -p); an existing folder is then not an error"}
              },
              "required": ["path"],
              "additionalProperties": false
            }
            """;

    private static final String MKDIR_OUTPUT = """
            {
              "type": "object",
              "properties": {
                "path": {"type": "string"},
                "created": {"type": "boolean", "description": "false when 'parents' was set and the folder already existed"}
              },
              "required": ["path", "created"]
            }
            """;

    private ToolDefinition createDirectory() {
        return ToolDefinition.builder("nc_files_create_directory")
                .title("Create a folder")
                .description("""
                        Creates a folder in the user's Nextcloud files. The parent folder must exist unless \
                        'parents' is true. Fails with CONFLICT if something already exists at the path.""")
                .inputSchema(MKDIR_INPUT)
                .outputSchema(MKDIR_OUTPUT)
                .annotations(ToolAnnotations.ADDITIVE)
                .requires(FilesPlugin.WRITE)
                .handler(this::createDirectoryCall)
                .build();
    }

    private ToolResult createDirectoryCall(ToolInvocation invocation) throws ToolException {
        DavPath dir = DavPath.parse("path", invocation.arguments().string("path"));
        boolean parents = invocation.arguments().bool("parents", false);
        if (dir.isRoot()) {
            if (parents) {
                return mkdirResult(dir, false);
            }
            throw ToolException.conflict("/ is the root folder and always exists.", null);
        }
        NextcloudClient client = invocation.nextcloud();
        String root = client.filesRoot();
        if (parents) {
            DavPath ancestor = DavPath.ROOT;
            for (String segment : dir.parent().segments()) {
                ancestor = ancestor.child(segment);
                int status = mkcol(client, root, ancestor);
                if (status != 201 && status != 405) {
                    throw mkcolFailure(client, ancestor, status);
                }
            }
        }
        int status = mkcol(client, root, dir);
        if (status == 201) {
            return mkdirResult(dir, true);
        }
        if (status == 405 && parents) {
            Optional<DavEntry> existing = Dav.stat(client, dir);
            if (existing.isPresent() && Dav.isDirectory(existing.get())) {
                return mkdirResult(dir, false);
            }
        }
        throw mkcolFailure(client, dir, status);
    }

    private static int mkcol(NextcloudClient client, String root, DavPath dir) throws ToolException {
        return client.send(NextcloudRequest.builder("MKCOL", dir.href(root, true)).build()).status();
    }

    private static ToolException mkcolFailure(NextcloudClient client, DavPath dir, int status) {
        return switch (status) {
            case 405 -> ToolException.conflict(dir.path() + " already exists. List it with nc_files_list_directory.",
                    currentVersion(client, dir));
            case 409, 404 -> ToolException.notFound("The parent folder " + dir.parent().path()
                    + " does not exist. Create it first, or pass 'parents': true.");
            default -> Dav.unexpected("MKCOL", dir,
                    new NextcloudResponse(status, java.util.Map.of(), new byte[0]));
        };
    }

    private static ToolResult mkdirResult(DavPath dir, boolean created) {
        JsonObject json = Json.createObjectBuilder().add("path", dir.path()).add("created", created).build();
        return ToolResult.structured(json, (created ? "Created folder " : "Folder already exists: ") + dir.path());
    }

    // ---------------------------------------------------------------- nc_files_delete

    private static final String DELETE_INPUT = """
            {
              "type": "object",
              "properties": {
                "path": {"type": "string", "description": "File or folder to delete; a folder is deleted with everything in it"}
              },
              "required": ["path"],
              "additionalProperties": false
            }
            """;

    private static final String DELETE_OUTPUT = """
            {
              "type": "object",
              "properties": {
                "path": {"type": "string"},
                "deleted": {"type": "boolean"}
              },
              "required": ["path", "deleted"]
            }
            """;

    private ToolDefinition delete() {
        return ToolDefinition.builder("nc_files_delete")
                .title("Delete a file or folder")
                .description("""
                        Deletes a file, or a folder with everything inside it, from the user's Nextcloud files. \
                        On Nextcloud it goes to the trash bin if that app is enabled; on other WebDAV servers \
                        it is gone for good. Confirm with the user before deleting folders.""")
                .inputSchema(DELETE_INPUT)
                .outputSchema(DELETE_OUTPUT)
                .annotations(ToolAnnotations.DESTRUCTIVE)
                .requires(FilesPlugin.WRITE)
                .handler(this::deleteCall)
                .build();
    }

    private ToolResult deleteCall(ToolInvocation invocation) throws ToolException {
        DavPath path = DavPath.parse("path", invocation.arguments().string("path"));
        if (path.isRoot()) {
            throw ToolException.invalidArgument("The root folder / cannot be deleted; name a file or folder inside it.");
        }
        NextcloudClient client = invocation.nextcloud();
        String root = client.filesRoot();
        NextcloudResponse response = Dav.sendToPath(client,
                slash -> NextcloudRequest.delete(path.href(root, slash)).build());
        int status = response.status();
        if (status == 404) {
            throw ToolException.notFound("Nothing exists at " + path.path() + "; it may already be deleted.");
        }
        if (status != 200 && status != 204) {
            throw Dav.unexpected("DELETE", path, response);
        }
        JsonObject json = Json.createObjectBuilder().add("path", path.path()).add("deleted", true).build();
        return ToolResult.structured(json, "Deleted " + path.path());
    }

    // ---------------------------------------------------------------- nc_files_move / nc_files_copy

    private static final String TRANSFER_INPUT = """
            {
              "type": "object",
              "properties": {
                "source": {"type": "string", "description": "Existing file or folder, e.g. /Documents/draft.md"},
                "destination": {"type": "string", "description": "The full new path including the name, e.g. /Archive/draft.md (not just the target folder). Its folder must exist."},
                "overwrite": {"type": "boolean", "default": false, "description": "Replace whatever exists at the destination; otherwise an existing destination is a CONFLICT"}
              },
              "required": ["source", "destination"],
              "additionalProperties": false
            }
            """;

    private static final String TRANSFER_OUTPUT = """
            {
              "type": "object",
              "properties": {
                "source": {"type": "string"},
                "destination": {"type": "string"},
                "overwritten": {"type": "boolean", "description": "true if something at the destination was replaced"}
              },
              "required": ["source", "destination", "overwritten"]
            }
            """;

    private ToolDefinition move() {
        return ToolDefinition.builder("nc_files_move")
                .title("Move or rename")
                .description("""
                        Moves or renames a file or folder in the user's Nextcloud files. 'destination' is the \
                        complete new path, including the name. An existing destination is not replaced unless \
                        'overwrite' is true.""")
                .inputSchema(TRANSFER_INPUT)
                .outputSchema(TRANSFER_OUTPUT)
                .annotations(ToolAnnotations.DESTRUCTIVE)
                .requires(FilesPlugin.WRITE)
                .handler(invocation -> transfer(invocation, "MOVE"))
                .build();
    }

    private ToolDefinition copy() {
        return ToolDefinition.builder("nc_files_copy")
                .title("Copy")
                .description("""
                        Copies a file or a folder with everything in it within the user's Nextcloud files. \
                        'destination' is the complete path of the copy, including the name. An existing \
                        destination is not replaced unless 'overwrite' is true.""")
                .inputSchema(TRANSFER_INPUT)
                .outputSchema(TRANSFER_OUTPUT)
                .annotations(new ToolAnnotations(false, true, true, false))
                .requires(FilesPlugin.WRITE)
                .handler(invocation -> transfer(invocation, "COPY"))
                .build();
    }

    private ToolResult transfer(ToolInvocation invocation, String method) throws ToolException {
        Arguments args = invocation.arguments();
        DavPath source = DavPath.parse("source", args.string("source"));
        DavPath target = DavPath.parse("destination", args.string("destination"));
        boolean overwrite = args.bool("overwrite", false);
        String verb = method.equals("MOVE") ? "move" : "copy";
        if (source.isRoot()) {
            throw ToolException.invalidArgument("The root folder / cannot be " + (verb.equals("move") ? "moved" : "copied") + ".");
        }
        if (target.isRoot()) {
            throw ToolException.invalidArgument("'destination' must be the full new path including the name, "
                    + "e.g. /" + source.name() + ", not the root folder.");
        }
        if (source.equals(target)) {
            throw ToolException.invalidArgument("'source' and 'destination' are the same path.");
        }
        if (source.contains(target)) {
            throw ToolException.invalidArgument("A folder cannot be " + (verb.equals("move") ? "moved" : "copied")
                    + " into itself (" + target.path() + " is inside " + source.path() + ").");
        }
        NextcloudClient client = invocation.nextcloud();
        String root = client.filesRoot();
        NextcloudResponse response = Dav.sendToPath(client, slash -> NextcloudRequest
                .builder(method, source.href(root, slash))
                .header("Destination", Dav.destination(client, target, slash))
                .header("Overwrite", overwrite ? "T" : "F")
                .build());
        int status = response.status();
        if (status == 412) {
            throw ToolException.conflict(target.path() + " already exists. Choose another destination, or pass "
                    + "'overwrite': true to replace it.", currentVersion(client, target));
        }
        if (status == 404) {
            throw ToolException.notFound("Nothing exists at " + source.path() + ". List "
                    + source.parent().path() + " to see what is there.");
        }
        if (status == 409) {
            throw ToolException.notFound("The folder " + target.parent().path() + " does not exist. Create it with "
                    + "nc_files_create_directory first.");
        }
        if (status != 201 && status != 204) {
            throw Dav.unexpected(method, source, response);
        }
        boolean overwritten = status == 204;
        JsonObject json = Json.createObjectBuilder()
                .add("source", source.path())
                .add("destination", target.path())
                .add("overwritten", overwritten)
                .build();
        String done = method.equals("MOVE") ? "Moved " : "Copied ";
        return ToolResult.structured(json, done + source.path() + " to " + target.path()
                + (overwritten ? " (replaced what was there)" : ""));
    }
}
