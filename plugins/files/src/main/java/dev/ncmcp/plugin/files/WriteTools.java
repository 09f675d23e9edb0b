package dev.ncmcp.plugin.files;

import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.dav.Dav;
import dev.ncmcp.spi.dav.Download;
import dev.ncmcp.spi.files.FileInfo;
import dev.ncmcp.spi.files.FilePath;
import dev.ncmcp.spi.files.UserFiles;
import dev.ncmcp.spi.nextcloud.Answer;
import dev.ncmcp.spi.nextcloud.Etag;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.spi.nextcloud.Refusal;
import dev.ncmcp.spi.tool.Default;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Tool;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static dev.ncmcp.spi.ToolException.conflict;
import static dev.ncmcp.spi.ToolException.invalidArgument;
import static dev.ncmcp.spi.ToolException.notFound;

/** Creating files and folders: nc_files_write_file, nc_files_create_directory. */
final class WriteTools {

    record WriteFile(
            @Description("File to create or replace, e.g. /Documents/todo.md. Its folder must exist.") String path,
            @Description("The complete new content as text (stored as UTF-8). Give this or 'base64'.")
            Optional<String> content,
            @Description("The complete new content as standard base64 (RFC 4648: A-Z a-z 0-9 + /, padded with =; "
                    + "line breaks allowed), for binary files. Give this or 'content'.") Optional<String> base64,
            @Description("MIME type to send; guessed from the file name when omitted") Optional<String> contentType,
            @Description("The etag from nc_files_read_file or nc_files_list_directory: the write only succeeds if the "
                    + "file has not changed since (recommended when editing)") Optional<String> etag,
            @Description("Only create a new file; fail instead of replacing an existing one") @Default("false")
            boolean createOnly) {
        WriteFile {
            if (content.isPresent() == base64.isPresent()) {
                throw new IllegalArgumentException("Give exactly one of 'content' (text) and 'base64' (binary data).");
            }
            if (etag.flatMap(Etag::parse).isPresent() && createOnly) {
                throw new IllegalArgumentException("'etag' (replace this version) and 'createOnly' (file must not "
                        + "exist) exclude each other; give one of them.");
            }
        }

        /** Strict standard base64: a lenient decoder stores bytes the caller never sent ({@code -_-_} → 0 bytes). */
        byte[] bytes() throws ToolException {
            if (content.isPresent()) {
                return content.get().getBytes(StandardCharsets.UTF_8);
            }
            String compact = base64.orElseThrow().replaceAll("\\s+", "");
            try {
                byte[] decoded = Base64.getDecoder().decode(compact);
                if (Base64.getEncoder().encodeToString(decoded).equals(compact)) {
                    return decoded;
                }
            } catch (IllegalArgumentException e) {
                // not base64 at all: the same answer as for a non-canonical encoding
            }
            throw invalidArgument("'base64' is not valid standard base64 (RFC 4648: only A-Z, a-z, 0-9, + and /, "
                    + "padded with = to a multiple of 4 characters; URL-safe - and _ are not accepted). "
                    + "Nothing was written.");
        }
    }

    record Written(@Description("The file's path") String path,
                   @Description("The new version tag, for the next write") Optional<String> etag,
                   @Description("true if the file was new, false if an existing file was replaced") boolean created,
                   @Description("Bytes written") long size) {}

    record CreateDirectory(@Description("Folder to create, e.g. /Projects/2026") String path,
                           @Description("Also create missing parent folders (like mkdir -p); an existing folder is "
                                   + "then not an error") @Default("false") boolean parents) {}

    record Created(@Description("The folder's path") String path,
                   @Description("false when 'parents' was set and the folder already existed") boolean created) {}

    List<ToolDefinition> tools() {
        return List.of(
                Tool.define("nc_files_write_file", WriteFile.class, Written.class).title("Write a file")
                        .description("""
                                Creates a file or replaces its whole content in the user's Nextcloud files. Pass text as \
                                'content' or binary data as 'base64'. When editing an existing file, pass the 'etag' you \
                                got from nc_files_read_file so that changes made meanwhile by someone else are not \
                                overwritten (you get a CONFLICT and should read the file again). Use 'createOnly' to \
                                never replace an existing file. The folder must exist: create it first with \
                                nc_files_create_directory.""")
                        .annotations(ToolAnnotations.DESTRUCTIVE).requires(FilesPlugin.WRITE)
                        .handler(this::writeFile),
                Tool.define("nc_files_create_directory", CreateDirectory.class, Created.class).title("Create a folder")
                        .description("""
                                Creates a folder in the user's Nextcloud files. The parent folder must exist unless \
                                'parents' is true. Fails with CONFLICT if something already exists at the path.""")
                        .annotations(ToolAnnotations.ADDITIVE).requires(FilesPlugin.WRITE)
                        .handler(this::createDirectory));
    }

    private Written writeFile(WriteFile args, ToolInvocation call) throws ToolException {
        FilePath file = FilePath.parse("path", args.path());
        if (file.isRoot()) {
            throw invalidArgument("'path' must name a file, e.g. /notes.txt; / is the root folder.");
        }
        byte[] data = args.bytes();
        Optional<Etag> etag = args.etag().flatMap(Etag::parse);
        UserFiles files = UserFiles.of(call.nextcloud());
        NextcloudRequest.Builder put = NextcloudRequest.put(files.href(file, false)).body(data, contentType(args, file));
        etag.ifPresent(tag -> put.header("If-Match", tag.header()));
        if (args.createOnly()) {
            put.header("If-None-Match", "*");
        }
        ToolException parentMissing = notFound("The folder " + file.parent().path() + " does not exist. Create it "
                + "first with nc_files_create_directory (it may need 'parents': true), then write the file.");
        ToolException isAFolder = invalidArgument(file.path() + " is a folder; a file cannot be written over it.");
        NextcloudResponse response = Answer.of(files.send(put.build())).about(file.path())
                .on(412, refusal -> preconditionFailed(file, args.createOnly(), etag, refusal, files))
                .on(404, refusal -> etag.isPresent() ? gone(file) : parentMissing)
                .on(409, refusal -> refusal.says("non-files") ? isAFolder
                        : Reasons.saysParentIsMissing(refusal) ? parentMissing : null)
                .on(405, refusal -> isAFolder)
                .expect(200, 201, 204);
        Optional<String> newEtag = response.header("OC-ETag").or(() -> response.header("ETag"));
        if (newEtag.isEmpty()) {
            newEtag = files.stat(file).flatMap(FileInfo::etag);
        }
        return new Written(file.path(), newEtag.filter(tag -> !tag.isBlank()), response.status() == 201, data.length);
    }

    private static ToolException preconditionFailed(FilePath file, boolean createOnly, Optional<Etag> etag,
                                                    Refusal refusal, UserFiles files) throws ToolException {
        if (createOnly) {
            return conflict(file.path() + " already exists and 'createOnly' was set. Read it with nc_files_read_file, "
                    + "or write without 'createOnly' to replace it.", files.current(file));
        }
        if (refusal.says("did not exist") || files.stat(file).isEmpty()) {
            return gone(file);
        }
        return conflict(file.path() + " has changed since it was read (the etag no longer matches). Read it again "
                + "with nc_files_read_file, merge your changes, and write with the new etag."
                + (etag.filter(Etag::weak).isPresent() ? " (The etag you passed is a weak one, given for a file changed "
                + "within the last second; read the file again for a strong etag.)" : ""), files.current(file));
    }

    private static ToolException gone(FilePath file) {
        return notFound(file.path() + " does not exist (any more), so it cannot be replaced at the given etag. "
                + "Write without 'etag' to create it.");
    }

    /** The type sent when the model gives none; Nextcloud and Apache type a file by its name anyway. */
    private static String contentType(WriteFile args, FilePath file) {
        String guessed = Download.guess(file.name());
        guessed = guessed.equals("application/octet-stream") && args.content().isPresent() ? "text/plain" : guessed;
        return args.contentType().filter(given -> !given.isBlank())
                .orElse(guessed.startsWith("text/") ? guessed + "; charset=utf-8" : guessed);
    }

    private Created createDirectory(CreateDirectory args, ToolInvocation call) throws ToolException {
        FilePath dir = FilePath.parse("path", args.path());
        if (dir.isRoot()) {
            if (args.parents()) {
                return new Created(dir.path(), false);
            }
            throw conflict("/ is the root folder and always exists.", null);
        }
        UserFiles files = UserFiles.of(call.nextcloud());
        if (args.parents()) {
            FilePath ancestor = FilePath.ROOT;
            for (String segment : dir.parent().segments()) {
                ancestor = ancestor.child(segment);
                mkcol(files, ancestor, true).expect(201, 405);
            }
        }
        Answer made = mkcol(files, dir, args.parents());
        if (made.expect(201, 405).status() == 201) {
            return new Created(dir.path(), true);
        }
        if (args.parents() && files.stat(dir).filter(entry -> !entry.isFile()).isPresent()) {
            return new Created(dir.path(), false);
        }
        throw made.failure();
    }

    private static Answer mkcol(UserFiles files, FilePath dir, boolean parents) throws ToolException {
        ToolException parentMissing = notFound("The parent folder " + dir.parent().path() + " does not exist."
                + (parents ? "" : " Create it first, or pass 'parents': true."));
        return Answer.of(files.send(Dav.mkcol(files.href(dir, true)))).about(dir.path())
                .on(405, refusal -> conflict(dir.path() + " already exists. List it with nc_files_list_directory.",
                        files.current(dir)))
                .on(404, refusal -> parentMissing)
                .on(409, refusal -> refusal.says("not a collection") ? invalidArgument(dir.path() + " cannot be created: "
                        + dir.parent().path() + " is a file, not a folder" + Reasons.because(refusal))
                        : Reasons.saysParentIsMissing(refusal) ? parentMissing : null);
    }
}
