package dev.ncmcp.plugin.files;

import dev.ncmcp.spi.Content;
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
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.spi.tool.Default;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.FileContent;
import dev.ncmcp.spi.tool.Reply;
import dev.ncmcp.spi.tool.Tool;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.ncmcp.spi.ToolException.invalidArgument;
import static dev.ncmcp.spi.ToolException.notFound;

/** Looking at one folder or one file: nc_files_list_directory, nc_files_read_file. */
final class BrowseTools {

    record ListDirectory(@Description("Folder to list, e.g. / or /Documents/Projects. Relative paths are taken "
            + "from the root of the user's files.") @Default("/") String path) {}

    record Listing(@Description("The listed folder") String path,
                   @Description("How many files and folders it holds") int count,
                   @Description("Its files and folders, folders first") List<FileInfo> entries) {}

    record ReadFile(@Description("File to read, e.g. /Documents/notes.md") String path) {}

    enum Encoding { TEXT, BASE64 }

    record FileRead(@Description("The file's path") String path,
                    @Description("The file's name") String name,
                    @Description("MIME type Nextcloud stores for the file") String contentType,
                    @Description("Size in bytes") long size,
                    @Description("Version tag; pass it as 'etag' to nc_files_write_file when saving changes")
                    Optional<String> etag,
                    @Description("Last modification, ISO-8601 UTC") Optional<Instant> modified,
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
                Tool.define("nc_files_read_file", ReadFile.class, FileRead.class).title("Read a file")
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
        FilePath dir = FilePath.parse("path", args.path());
        UserFiles files = UserFiles.of(call.nextcloud());
        NextcloudResponse response = Answer.of(files.sendToPath(slash -> Dav.propfind(files.href(dir, slash), 1,
                        FileInfo.PROPERTIES))).about(dir.path())
                .on(404, refusal -> notFound("The folder " + dir.path() + " does not exist."
                        + (dir.isRoot() ? "" : " List " + dir.parent().path() + " to see what is there.")))
                .expect(207);
        List<FileInfo> entries = files.entries(response);
        if (entries.stream().anyMatch(entry -> entry.path().equals(dir.path()) && entry.isFile())) {
            throw invalidArgument(dir.path() + " is a file, not a folder. Use nc_files_read_file to read it.");
        }
        List<FileInfo> inside = entries.stream().filter(entry -> !entry.path().equals(dir.path()))
                .sorted(FileInfo.LISTING_ORDER).toList();
        return new Listing(dir.path(), inside.size(), inside);
    }

    private Reply<FileRead> readFile(ReadFile args, ToolInvocation call) throws ToolException {
        FilePath file = FilePath.parse("path", args.path());
        if (file.isRoot()) {
            throw invalidArgument("'path' must name a file; / is the root folder. "
                    + "Use nc_files_list_directory to see its contents.");
        }
        Download download = Download.read(call.nextcloud(), UserFiles.of(call.nextcloud()).href(file, false), readLimit,
                file.path()).orElseThrow(() -> notFound("The file " + file.path() + " does not exist. List "
                + file.parent().path() + " to see what is there."));
        String mime = download.mimeType();
        byte[] bytes = download.bytes();
        Optional<String> text = FileContent.text(mime, bytes);
        String uri = "nc-files:///" + file.encoded();
        FileRead read = new FileRead(file.path(), file.name(), mime, bytes.length, download.etag(),
                download.entry().lastModified(), text.isPresent() ? Encoding.TEXT : Encoding.BASE64, text,
                Optional.of(uri).filter(binary -> text.isEmpty()));
        return text.isPresent() ? Reply.of(read, new Content.Text(text.get()))
                : Reply.of(read, new Content.Text(file.path() + " is a binary file (" + mime + ", " + bytes.length
                        + " bytes); it is embedded as resource " + uri + "."), FileContent.blob(uri, mime, bytes));
    }
}
