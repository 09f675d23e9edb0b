package dev.ncmcp.spi.files;

import dev.ncmcp.spi.dav.DavEntry;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.xml.QName;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One file or folder as tools show it: a result record shared by every plugin that lists files. */
public record FileInfo(
        @Description("File or folder name") String name,
        @Description("Path in the user's files, starting with /") String path,
        @Description("file or directory") Type type,
        @Description("Size in bytes (for folders: of everything inside, when the server reports it)") Optional<Long> size,
        @Description("MIME type of a file") Optional<String> contentType,
        @Description("Last modification, ISO-8601 UTC") Optional<Instant> modified,
        @Description("Version tag; pass it back as 'etag' when changing the file, so newer changes are not overwritten")
        Optional<String> etag,
        @Description("Whether the user marked it as a favorite (Nextcloud only)") Optional<Boolean> favorite) {

    /** What the entry is. */
    public enum Type { FILE, DIRECTORY }

    /** The properties every request asks for, as Nextcloud's own clients do. */
    public static final List<QName> PROPERTIES = List.of(QName.dav("getlastmodified"), QName.dav("getetag"),
            QName.dav("getcontenttype"), QName.dav("getcontentlength"), QName.dav("resourcetype"),
            QName.dav("displayname"), QName.owncloud("fileid"), QName.owncloud("size"), QName.owncloud("favorite"),
            QName.owncloud("permissions"));

    /** Folders first, then by name (ignoring case, then exactly). */
    public static final Comparator<FileInfo> LISTING_ORDER = Comparator.comparing(FileInfo::isFile)
            .thenComparing(FileInfo::name, String.CASE_INSENSITIVE_ORDER).thenComparing(FileInfo::name);

    public static FileInfo of(DavEntry entry, FilePath path) {
        boolean folder = entry.collection();
        Optional<Long> ownCloudSize = number(entry.property(QName.owncloud("size")));
        Optional<Long> size = folder ? ownCloudSize : number(entry.dav("getcontentlength")).or(() -> ownCloudSize);
        return new FileInfo(path.isRoot() ? "/" : path.name(), path.path(), folder ? Type.DIRECTORY : Type.FILE,
                size.filter(bytes -> bytes >= 0), entry.dav("getcontenttype").filter(type -> !folder && !type.isEmpty()),
                entry.lastModified(), entry.dav("getetag").filter(tag -> !tag.isEmpty()),
                entry.property(QName.owncloud("favorite")).filter(flag -> !flag.isEmpty()).map("1"::equals));
    }

    public boolean isFile() {
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
