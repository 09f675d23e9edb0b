package dev.ncmcp.simulator.sharing;

import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.simulator.PathSegments;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.dav.DavXml;
import dev.ncmcp.simulator.dav.Multistatus;
import dev.ncmcp.simulator.files.FileNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What anyone with a link gets, without an account: {@code /index.php/s/<token>/download} (Nextcloud 31 redirects to
 * the public WebDAV, Nextcloud 29 sends the file) and {@code PROPFIND}/{@code GET} of
 * {@code /public.php/dav/files/<token>/}. Unknown, expired and password-protected links are refused.
 */
final class PublicLinks {
    static final String DOWNLOAD_PREFIX = "/index.php/s";
    static final String DAV_PREFIX = "/public.php/dav/files";
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final String NOT_FOUND = "<!DOCTYPE html>\n<html><head><title>Nextcloud</title></head><body>"
            + "<div class=\"guest-box\"><h2>Share not found</h2><p>This share does not exist or is no longer "
            + "available</p></div></body></html>\n";

    private final ShareStore store;
    private final SharedNodes nodes;
    private final NextcloudVersion version;
    private final Supplier<String> baseUrl;

    PublicLinks(ShareStore store, SharedNodes nodes, NextcloudVersion version, Supplier<String> baseUrl) {
        this.store = store;
        this.nodes = nodes;
        this.version = version;
        this.baseUrl = baseUrl;
    }

    SimResponse download(SimRequest request) {
        List<String> parts = PathSegments.of(request.path().substring(DOWNLOAD_PREFIX.length()));
        if (parts.size() != 2 || !parts.get(1).equals("download") || !request.method().equals("GET")) {
            return SimResponse.html(404, NOT_FOUND);
        }
        synchronized (store) {
            Optional<Share> link = usable(parts.get(0));
            if (link.isEmpty()) {
                return SimResponse.html(404, NOT_FOUND);
            }
            Share share = link.get();
            if (share.passwordHash != null) {
                return SimResponse.status(303).header("Content-Type", SimResponse.HTML).header("Location",
                        baseUrl.get() + DOWNLOAD_PREFIX + "/" + share.token + "/authenticate/downloadShare");
            }
            if (version == NextcloudVersion.NC31) {
                return SimResponse.status(303).header("Content-Type", SimResponse.HTML)
                        .header("Location", baseUrl.get() + DAV_PREFIX + "/" + share.token + "/?accept=zip");
            }
            FileNode node = nodes.of(share).orElseThrow();
            String name = node.name();
            return SimResponse.status(200).header("Content-Type", node.mimeType() + ";charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename*=UTF-8''"
                            + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
                            + "; filename=\"" + name + "\"")
                    .body(nodes.content(share));
        }
    }

    SimResponse dav(SimRequest request) {
        List<String> parts = PathSegments.of(request.path().substring(DAV_PREFIX.length()));
        synchronized (store) {
            Optional<Share> link = parts.size() == 1 ? usable(parts.get(0)) : Optional.empty();
            if (link.isEmpty() || link.get().passwordHash != null) {
                return SimResponse.status(404).header("Content-Type", "application/xml; charset=utf-8");
            }
            Share share = link.get();
            FileNode node = nodes.of(share).orElseThrow();
            return switch (request.method()) {
                case "PROPFIND" -> SimResponse.status(207).header("Content-Type", "application/xml; charset=utf-8")
                        .body(new Multistatus().response(DAV_PREFIX + "/" + share.token + "/",
                                List.of(new Multistatus.PropStat(200, properties(node)))).build());
                case "GET" -> node.isFolder() ? SimResponse.status(501)
                        : SimResponse.status(200).header("Content-Type", node.mimeType()).body(nodes.content(share));
                default -> SimResponse.status(405);
            };
        }
    }

    private Optional<Share> usable(String token) {
        return store.byToken(token).filter(share -> share.type == ShareType.LINK)
                .filter(share -> share.expiration == null || share.expiration.isAfter(LocalDate.now()))
                .filter(share -> nodes.of(share).isPresent());
    }

    private static List<Multistatus.Prop> properties(FileNode node) {
        String modified = HTTP_DATE.format(Instant.ofEpochSecond(node.mtime()));
        if (node.isFolder()) {
            return List.of(prop("getlastmodified", modified), prop("resourcetype", "<d:collection/>"),
                    prop("getetag", "&quot;" + node.etag() + "&quot;"));
        }
        return List.of(prop("getlastmodified", modified), prop("getcontentlength", Long.toString(node.size())),
                new Multistatus.Prop(new DavXml.QName(DavXml.DAV, "resourcetype"), null),
                prop("getetag", "&quot;" + node.etag() + "&quot;"), prop("getcontenttype", node.mimeType()));
    }

    private static Multistatus.Prop prop(String name, String inner) {
        return new Multistatus.Prop(new DavXml.QName(DavXml.DAV, name), inner);
    }
}
