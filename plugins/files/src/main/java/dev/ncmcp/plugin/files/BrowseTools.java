package dev.ncmcp.plugin.files;

import dev.ncmcp.spi.Content;
import dev.ncmcp.spi.ResourceContents;
import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.dav.Dav;
import dev.ncmcp.spi.nextcloud.Answer;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.spi.tool.Default;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Reply;
import dev.ncmcp.spi.tool.Tool;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static dev.ncmcp.spi.ToolException.invalidArgument;
import static dev.ncmcp.spi.ToolException.notFound;

/** Looking at one folder or one file: nc_files_list_directory, nc_files_read_file. */
final class BrowseTools {

    record ListDirectory(@Description("Folder to list, e.g. / or /Documents/Projects. Relative paths are taken "
            + "from the root of the user's files.") @Default("/") String path) {}

    record Listing(@Description("The listed folder") String path, int count, List<FileEntry> entries) {}

    record ReadFile(@Description("File to read, e.g. /Documents/notes.md") String path) {}

    enum Encoding { TEXT, BASE64 }

    record FileContent(String path, String name,
                       @Description("MIME type Nextcloud stores for the file") String contentType,
                       @Description("Size in bytes") long size,
                       @Description("Version tag; pass it as 'etag' to nc_files_write_file when saving changes")
                       Optional<String> etag,
                       Optional<Instant> modified,
                       @Description("text: the content is in 'text'; base64: the file is binary and embedded as a "
                               + "resource") Encoding encoding,
                       @Description("The file content, for text files") Optional<String> text,
                       @Description("URI of the embedded resource, for binary files") Optional<String> resourceUri) {}

    private final long readLimit;

    BrowseTools(long readLimit) {
        this.readLimit = readLimit;
    }

    List<ToolDefinition> tools() {
        return List.of(
                Tool.define("nc_files_list_directory", ListDirectory.class, Listing.class).title("List a folder")
                        .description("""
                                Lists the files and folders directly inside a folder of the user's Nextcloud files \
                                (not recursive): name, path, type, size, content type, modification time, ETag and \
                                favorite flag. Folders come first, then files, each sorted by name. Start with path "/" \
                                to explore; use nc_files_read_file to open a file and nc_files_search to find files by \
                                name anywhere.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(FilesPlugin.READ)
                        .handler(this::listDirectory),
                Tool.define("nc_files_read_file", ReadFile.class, FileContent.class).title("Read a file")
                        .description("""
                                Reads one file of the user's Nextcloud files. Text files (text/*, JSON, XML, Markdown, \
                                or anything small that is valid UTF-8) come back as text together with their ETag; \
                                binary files (images, PDFs, archives…) come back as an embedded resource \
                                (nc-files://<path>) with their MIME type. Files larger than %d bytes are refused with \
                                TOO_LARGE. To change a text file, pass the returned etag to nc_files_write_file."""
                                .formatted(readLimit))
                        .annotations(ToolAnnotations.READ_ONLY).requires(FilesPlugin.READ)
                        .handlerWithContent(this::readFile));
    }

    private Listing listDirectory(ListDirectory args, ToolInvocation call) throws ToolException {
        DavPath dir = DavPath.parse("path", args.path());
        UserFiles files = UserFiles.of(call);
        NextcloudResponse response = Answer.of(files.sendToPath(slash -> Dav.propfind(files.href(dir, slash), 1,
                        FileEntry.PROPERTIES))).about(dir.path())
                .on(404, refusal -> notFound("The folder " + dir.path() + " does not exist."
                        + (dir.isRoot() ? "" : " List " + dir.parent().path() + " to see what is there.")))
                .expect(207);
        List<FileEntry> entries = files.entries(response);
        if (entries.stream().anyMatch(entry -> entry.path().equals(dir.path()) && entry.isFile())) {
            throw invalidArgument(dir.path() + " is a file, not a folder. Use nc_files_read_file to read it.");
        }
        List<FileEntry> inside = entries.stream().filter(entry -> !entry.path().equals(dir.path()))
                .sorted(FileEntry.LISTING_ORDER).toList();
        return new Listing(dir.path(), inside.size(), inside);
    }

    private Reply<FileContent> readFile(ReadFile args, ToolInvocation call) throws ToolException {
        DavPath file = DavPath.parse("path", args.path());
        if (file.isRoot()) {
            throw invalidArgument("'path' must name a file; / is the root folder. "
                    + "Use nc_files_list_directory to see its contents.");
        }
        UserFiles files = UserFiles.of(call);
        FileEntry entry = files.stat(file).orElseThrow(() -> notFound("The file " + file.path()
                + " does not exist. List " + file.parent().path() + " to see what is there."));
        if (!entry.isFile()) {
            throw invalidArgument(file.path() + " is a folder, not a file. Use nc_files_list_directory "
                    + "to list it.");
        }
        if (entry.size().orElse(0L) > readLimit) {
            throw tooLarge(file, entry.size().get());
        }
        NextcloudResponse download = Answer.of(files.send(NextcloudRequest.get(files.href(file, false)).build()))
                .about(file.path()).on(404, refusal -> notFound("The file " + file.path() + " was deleted while reading it."))
                .expect(200);
        byte[] body = download.body();
        if (body.length > readLimit) {
            throw tooLarge(file, body.length);
        }
        // a download of SVG or YAML says text/plain; PROPFIND has the type Nextcloud stored
        String mime = TextFiles.mime(entry.contentType().or(() -> download.header("Content-Type"))
                .orElse("application/octet-stream"));
        Optional<String> etag = download.header("ETag").or(entry::etag).filter(tag -> !tag.isBlank());
        Optional<String> text = TextFiles.text(mime, body);
        String uri = "nc-files:///" + file.encoded();
        FileContent content = new FileContent(file.path(), file.name(), mime, body.length, etag, entry.modified(),
                text.isPresent() ? Encoding.TEXT : Encoding.BASE64, text, Optional.of(uri).filter(u -> text.isEmpty()));
        return text.isPresent() ? Reply.of(content, new Content.Text(text.get()))
                : Reply.of(content, new Content.Text(file.path() + " is a binary file (" + mime + ", " + body.length
                        + " bytes); it is embedded as resource " + uri + "."),
                new Content.EmbeddedResource(new ResourceContents.Blob(uri, mime, Base64.getEncoder().encodeToString(body))));
    }

    private ToolException tooLarge(DavPath file, long size) {
        return ToolException.tooLarge(file.path() + " is " + size + " bytes, more than the " + readLimit
                + " bytes this server passes on. Share it with nc_files tools other than read, or ask for a "
                + "smaller file.");
    }
}
