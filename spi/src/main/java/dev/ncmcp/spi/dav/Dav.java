package dev.ncmcp.spi.dav;

import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.xml.QName;
import dev.ncmcp.spi.xml.XmlWriter;

import java.util.List;
import java.util.Map;

/**
 * WebDAV, CalDAV and CardDAV requests with their bodies. Paths are already-encoded DAV paths
 * ({@link DavPaths}); a {@code Destination} is an absolute URL.
 */
public final class Dav {

    private static final String XML = "application/xml; charset=utf-8";

    private Dav() {
    }

    /** {@code PROPFIND} for the named properties at {@code depth} 0 or 1. */
    public static NextcloudRequest propfind(String path, int depth, List<QName> properties) {
        String body = XmlWriter.document(QName.dav("propfind"), root -> root.element(QName.dav("prop"),
                prop -> properties.forEach(prop::empty)));
        return NextcloudRequest.builder("PROPFIND", path).header("Depth", Integer.toString(depth))
                .body(bytes(body), XML).build();
    }

    /** {@code REPORT} with a body written by the caller (calendar-query, addressbook-query, sync-collection…). */
    public static NextcloudRequest report(String path, int depth, String body) {
        return NextcloudRequest.builder("REPORT", path).header("Depth", Integer.toString(depth))
                .body(bytes(body), XML).build();
    }

    /** {@code SEARCH} (RFC 5323) on a DAV root with a {@code searchrequest} body. */
    public static NextcloudRequest search(String path, String body) {
        return NextcloudRequest.builder("SEARCH", path).body(bytes(body), "text/xml; charset=utf-8").build();
    }

    /** A plain {@code MKCOL}: a folder. */
    public static NextcloudRequest mkcol(String path) {
        return NextcloudRequest.builder("MKCOL", path).build();
    }

    /**
     * An extended {@code MKCOL} (RFC 5689) that creates a collection with a resource type and properties: an
     * address book is {@code resourcetype} {@code collection} + {@code card:addressbook}.
     */
    public static NextcloudRequest mkcol(String path, List<QName> resourceTypes, Map<QName, String> properties) {
        String body = XmlWriter.document(QName.dav("mkcol"), root -> root.element(QName.dav("set"),
                set -> set.element(QName.dav("prop"), prop -> {
                    prop.element(QName.dav("resourcetype"), type -> resourceTypes.forEach(type::empty));
                    properties.forEach(prop::text);
                })));
        return NextcloudRequest.builder("MKCOL", path).body(bytes(body), XML).build();
    }

    /**
     * {@code MKCALENDAR} (RFC 4791) with display name, colour and the like, and the components the calendar holds
     * ({@code VEVENT}, {@code VTODO}).
     */
    public static NextcloudRequest mkcalendar(String path, Map<QName, String> properties, List<String> components) {
        String body = XmlWriter.document(QName.caldav("mkcalendar"), root -> root.element(QName.dav("set"),
                set -> set.element(QName.dav("prop"), prop -> {
                    properties.forEach(prop::text);
                    if (!components.isEmpty()) {
                        prop.element(QName.caldav("supported-calendar-component-set"),
                                comps -> components.forEach(c -> comps.empty(QName.caldav("comp"), "name", c)));
                    }
                })));
        return NextcloudRequest.builder("MKCALENDAR", path).body(bytes(body), XML).build();
    }

    /** {@code PROPPATCH} that sets text properties and removes others. */
    public static NextcloudRequest proppatch(String path, Map<QName, String> set, List<QName> remove) {
        String body = XmlWriter.document(QName.dav("propertyupdate"), root -> {
            if (!set.isEmpty()) {
                root.element(QName.dav("set"), s -> s.element(QName.dav("prop"), prop -> set.forEach(prop::text)));
            }
            if (!remove.isEmpty()) {
                root.element(QName.dav("remove"), r -> r.element(QName.dav("prop"), prop -> remove.forEach(prop::empty)));
            }
        });
        return NextcloudRequest.builder("PROPPATCH", path).body(bytes(body), XML).build();
    }

    /** {@code MOVE} or {@code COPY} to an absolute destination URL. */
    public static NextcloudRequest transfer(String method, String path, String destinationUrl, boolean overwrite) {
        if (!method.equals("MOVE") && !method.equals("COPY")) {
            throw new IllegalArgumentException("MOVE or COPY, was " + method);
        }
        return NextcloudRequest.builder(method, path).header("Destination", destinationUrl)
                .header("Overwrite", overwrite ? "T" : "F").build();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
