package dev.ncmcp.plugin.files;

import dev.ncmcp.spi.dav.DavEntry;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.xml.QName;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One file or folder as the tools show it. */
record FileEntry(
        @Description("File or folder name") String name,
        @Description("Path in the user's files, starting with /; pass it to the other nc_files_* tools") String path,
        @Description("file or directory") Type type,
        @Description("Size in bytes (for folders: of everything inside, when the server reports it)") Optional<Long> size,
        @Description("MIME type of a file") Optional<String> contentType,
        @Description("Last modification, ISO-8601 UTC") Optional<Instant> modified,
        @Description("Version tag; pass it as 'etag' to nc_files_write_file to avoid overwriting newer changes")
        Optional<String> etag,
        @Description("Whether the user marked it as a favorite (Nextcloud only)") Optional<Boolean> favorite) {

    enum Type { FILE, DIRECTORY }

    /** The properties every request asks for, as Nextcloud's own clients do. */
    static final List<QName> PROPERTIES = List.of(QName.dav("getlastmodified"), QName.dav("getetag"),
            QName.dav("getcontenttype"), QName.dav("getcontentlength"), QName.dav("resourcetype"),
            QName.dav("displayname"), QName.owncloud("fileid"), QName.owncloud("size"), QName.owncloud("favorite"),
            QName.owncloud("permissions"));

    /** Folders first, then by name (ignoring case, then exactly). */
    static final Comparator<FileEntry> LISTING_ORDER = Comparator.comparing(FileEntry::isFile)
            .thenComparing(FileEntry::name, String.CASE_INSENSITIVE_ORDER).thenComparing(FileEntry::name);

    static FileEntry of(DavEntry entry, DavPath path) {
        boolean folder = entry.collection();
        Optional<Long> ownCloudSize = number(entry.property(QName.owncloud("size")));
        Optional<Long> size = folder ? ownCloudSize : number(entry.dav("getcontentlength")).or(() -> ownCloudSize);
        return new FileEntry(path.isRoot() ? "/" : path.name(), path.path(), folder ? Type.DIRECTORY : Type.FILE,
                size.filter(bytes -> bytes >= 0), entry.dav("getcontenttype").filter(type -> !folder && !type.isEmpty()),
                entry.lastModified(), entry.dav("getetag").filter(tag -> !tag.isEmpty()),
                entry.property(QName.owncloud("favorite")).filter(flag -> !flag.isEmpty()).map("1"::equals));
    }

    boolean isFile() {
        return type == Type.FILE;
    }

    private static Optional<Long> number(Optional<String> text) {
        try {
            return text.filter(digits -> !digits.isEmpty()).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
