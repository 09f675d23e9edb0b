package dev.ncmcp.plugin.files;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.dav.DavEntry;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** WebDAV plumbing shared by the tool groups: requests, property parsing, status mapping. */
final class Dav {

    static final String OC = dev.ncmcp.spi.xml.QName.OWNCLOUD;

    /** The properties every listing asks for (as Nextcloud's own clients do). */
    static final String PROPFIND = """
            <?xml version="1.0"?>
            <d:propfind xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns">
              <d:prop>
                <d:getlastmodified/>
                <d:getetag/>
                <d:getcontenttype/>
                <d:getcontentlength/>
                <d:resourcetype/>
                <d:displayname/>
                <oc:fileid/>
                <oc:size/>
                <oc:favorite/>
                <oc:permissions/>
              </d:prop>
            </d:propfind>
            """;

    /** Directories first, then by name (case-insensitive, then exact). */
    static final Comparator<JsonObject> LISTING_ORDER = Comparator
            .comparing((JsonObject o) -> !"directory".equals(o.getString("type")))
            .thenComparing(o -> o.getString("name"), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(o -> o.getString("name"));

    private Dav() {
    }

    static NextcloudRequest propfind(String href, int depth) {
        return NextcloudRequest.builder("PROPFIND", href)
                .header("Depth", Integer.toString(depth))
                .xml(PROPFIND)
                .build();
    }

    /** Builds the request for a path, with or without the trailing slash of a collection. */
    @FunctionalInterface
    interface RequestFor {
        NextcloudRequest build(boolean trailingSlash) throws ToolException;
    }

    /**
     * Sends a request addressed without a trailing slash; when the server redirects to the collection
     * URL with a slash (Apache's mod_dir does, Nextcloud does not), sends it again to that URL.
     */
    static NextcloudResponse sendToPath(NextcloudClient client, RequestFor request) throws ToolException {
        NextcloudResponse response = client.send(request.build(false));
        int status = response.status();
        if ((status == 301 || status == 302 || status == 307 || status == 308)
                && response.header("Location").map(l -> l.endsWith("/")).orElse(false)) {
            response = client.send(request.build(true));
        }
        return response;
    }

    /** PROPFIND Depth 0: the entry, or empty when nothing exists at the path. */
    static Optional<DavEntry> stat(NextcloudClient client, DavPath path) throws ToolException {
        String root = client.filesRoot();
        NextcloudResponse response = sendToPath(client, slash -> propfind(path.href(root, slash), 0));
        if (response.status() == 404) {
            return Optional.empty();
        }
        if (response.status() != 207) {
            throw unexpected("PROPFIND", path, response);
        }
        List<DavEntry> entries = dev.ncmcp.spi.dav.Multistatus.read(response);
        for (DavEntry entry : entries) {
            Optional<DavPath> at = DavPath.fromHref(entry.href(), root);
            if (at.isPresent() && at.get().equals(path)) {
                return Optional.of(entry);
            }
        }
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.getFirst());
    }

    static boolean isDirectory(DavEntry entry) {
        return entry.collection() || entry.href().endsWith("/");
    }

    /** The JSON a listing shows for one entry. */
    static JsonObject entryJson(DavEntry entry, DavPath path) {
        boolean directory = isDirectory(entry);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("name", path.isRoot() ? "/" : path.name())
                .add("path", path.path())
                .add("type", directory ? "directory" : "file");
        Optional<Long> size = directory
                ? number(entry.property(dev.ncmcp.spi.xml.QName.owncloud("size")))
                : number(entry.dav("getcontentlength")).or(() -> number(entry.property(dev.ncmcp.spi.xml.QName.owncloud("size"))));
        size.filter(s -> s >= 0).ifPresent(s -> json.add("size", s));
        if (!directory) {
            entry.dav("getcontenttype").filter(s -> !s.isBlank()).ifPresent(s -> json.add("contentType", s));
        }
        modified(entry).ifPresent(m -> json.add("modified", m));
        entry.dav("getetag").filter(s -> !s.isBlank()).ifPresent(s -> json.add("etag", s));
        entry.property(dev.ncmcp.spi.xml.QName.owncloud("favorite")).filter(s -> !s.isBlank())
                .ifPresent(s -> json.add("favorite", "1".equals(s.strip())));
        return json.build();
    }

    /** {@code getlastmodified} (RFC 1123) as ISO-8601, when present and parseable. */
    static Optional<String> modified(DavEntry entry) {
        return entry.dav("getlastmodified").flatMap(Dav::isoInstant);
    }

    static Optional<String> isoInstant(String httpDate) {
        try {
            return Optional.of(ZonedDateTime.parse(httpDate.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant().toString());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(httpDate.strip()).toString());
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    static Optional<Long> number(Optional<String> text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.get().strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** An ETag as a header value: a model may drop the quotes, so bare values are quoted again. */
    static String etagHeader(String etag) {
        String value = etag.strip();
        if (value.startsWith("\"") || value.startsWith("W/\"")) {
            return value;
        }
        return "\"" + value + "\"";
    }

    /** Escapes text for an XML element body. */
    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The Destination header of MOVE/COPY: an absolute URL (base URL + encoded path).
     */
    static String destination(NextcloudClient client, DavPath target, boolean trailingSlash)
            throws NextcloudException {
        String base = client.baseUrl();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + target.href(client.filesRoot(), trailingSlash);
    }

    /** A status no tool expected, mapped to the closest kind; the message names what to do. */
    static ToolException unexpected(String method, DavPath path, NextcloudResponse response) {
        int status = response.status();
        String where = " " + path.path();
        return switch (status) {
            case 403 -> ToolException.permissionDenied("Nextcloud does not allow " + method + " on" + where
                    + " for this user (HTTP 403). The file may be read-only or shared without this permission.");
            case 404 -> ToolException.notFound("Nothing exists at" + where
                    + ". Use nc_files_list_directory on the parent folder to see what is there.");
            case 423 -> ToolException.conflict(where.strip() + " is locked (HTTP 423), probably being edited elsewhere."
                    + " Try again later.", null);
            case 507 -> new ToolException(ToolException.Kind.TOO_LARGE, "Not enough storage space left for"
                    + where + " (HTTP 507). Free space or ask an administrator to raise the quota.");
            default -> ToolException.upstream("Nextcloud answered HTTP " + status + " to " + method + " on"
                    + where + ", which was not expected.");
        };
    }

    static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
