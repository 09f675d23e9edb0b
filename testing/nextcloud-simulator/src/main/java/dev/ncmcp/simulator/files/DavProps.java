package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.dav.DavXml;
import dev.ncmcp.simulator.dav.Multistatus;
import org.w3c.dom.Document;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.ncmcp.simulator.dav.DavXml.DAV;
import static dev.ncmcp.simulator.dav.DavXml.NC;
import static dev.ncmcp.simulator.dav.DavXml.OC;

/**
 * The WebDAV properties of files and folders, and the split into 200 / 404 propstats.
 */
final class DavProps {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    static final List<DavXml.QName> ALLPROP_FILE = List.of(q(DAV, "getlastmodified"), q(DAV, "getcontentlength"),
            q(DAV, "resourcetype"), q(DAV, "getetag"), q(DAV, "getcontenttype"));
    static final List<DavXml.QName> ALLPROP_FOLDER = List.of(q(DAV, "getlastmodified"), q(DAV, "resourcetype"),
            q(DAV, "quota-used-bytes"), q(DAV, "quota-available-bytes"), q(DAV, "getetag"));

    private final String owner;
    private final String ownerDisplayName;
    private final String instanceId;
    private final long freeSpace;
    private final boolean storedContentTypes;

    /**
     * {@code freeSpace}: the owner's free bytes or {@link FileStore#UNLIMITED};
     * {@code storedContentTypes}: {@code getcontenttype} as stored (PROPFIND) or as served (other methods).
     */
    DavProps(String owner, String ownerDisplayName, String instanceId, long freeSpace, boolean storedContentTypes) {
        this.owner = owner;
        this.ownerDisplayName = ownerDisplayName;
        this.instanceId = instanceId;
        this.freeSpace = freeSpace;
        this.storedContentTypes = storedContentTypes;
    }

    static DavXml.QName q(String ns, String local) {
        return new DavXml.QName(ns, local);
    }

    /** The stored MIME type of a node. */
    static String mime(FileNode node) {
        return node.isFolder() ? MimeTypes.FOLDER : MimeTypes.ofName(node.name());
    }

    /** The properties named in a {@code d:prop} of the request body; empty for allprop or no body. */
    static Optional<List<DavXml.QName>> requested(SimRequest request) {
        return DavXml.parse(request.body()).map(Document::getDocumentElement)
                .flatMap(root -> DavXml.child(root, DAV, "prop"))
                .map(p -> DavXml.children(p).stream().map(DavXml.QName::of).toList());
    }

    static List<DavXml.QName> allprop(FileNode node) {
        return node.isFolder() ? ALLPROP_FOLDER : ALLPROP_FILE;
    }

    static String httpDate(long epochSeconds) {
        return HTTP_DATE.format(Instant.ofEpochSecond(epochSeconds));
    }

    String ocFileId(FileNode node) {
        return String.format("%08d", node.id()) + instanceId;
    }

    /** Requested properties split into found (200) and missing (404). */
    List<Multistatus.PropStat> propStats(FileNode node, List<DavXml.QName> requested) {
        List<Multistatus.Prop> found = new ArrayList<>();
        List<Multistatus.Prop> missing = new ArrayList<>();
        for (DavXml.QName name : requested) {
            Optional<String> value = value(node, name);
            if (value.isPresent()) {
                found.add(new Multistatus.Prop(name, value.get().equals(SELF_CLOSING) ? null : value.get()));
            } else {
                missing.add(new Multistatus.Prop(name, null));
            }
        }
        return List.of(new Multistatus.PropStat(200, found), new Multistatus.PropStat(404, missing));
    }

    /** For another user's root: only the resource type is visible. */
    static List<Multistatus.PropStat> foreignRoot(List<DavXml.QName> requested) {
        List<Multistatus.Prop> found = new ArrayList<>();
        List<Multistatus.Prop> missing = new ArrayList<>();
        for (DavXml.QName name : requested) {
            if (name.is(DAV, "resourcetype")) {
                found.add(new Multistatus.Prop(name, "<d:collection/>"));
            } else {
                missing.add(new Multistatus.Prop(name, null));
            }
        }
        return List.of(new Multistatus.PropStat(200, found), new Multistatus.PropStat(404, missing));
    }

    private static final String SELF_CLOSING = "\u0000";

    /** Escaped inner XML of a property, {@link #SELF_CLOSING} for an empty element, empty if unknown. */
    private Optional<String> value(FileNode node, DavXml.QName name) {
        boolean folder = node.isFolder();
        String v = switch (name.namespace()) {
            case DAV -> switch (name.local()) {
                case "getlastmodified" -> httpDate(node.mtime());
                case "getetag" -> DavXml.escape("\"" + node.etag() + "\"");
                case "getcontenttype" -> folder ? null
                        : storedContentTypes ? mime(node) : MimeTypes.secure(mime(node));
                case "getcontentlength" -> folder ? null : Long.toString(node.size());
                case "resourcetype" -> folder ? "<d:collection/>" : SELF_CLOSING;
                case "displayname" -> DavXml.escape(node.name());
                case "quota-available-bytes" -> folder ? Long.toString(freeSpace) : null;
                case "quota-used-bytes" -> folder ? Long.toString(node.size()) : null;
                default -> null;
            };
            case OC -> switch (name.local()) {
                case "fileid" -> Long.toString(node.id());
                case "id" -> ocFileId(node);
                case "permissions" -> folder ? "RGDNVCK" : "RGDNVW";
                case "size" -> Long.toString(node.size());
                case "favorite" -> node.favorite() ? "1" : "0";
                case "owner-id" -> DavXml.escape(owner);
                case "owner-display-name" -> DavXml.escape(ownerDisplayName);
                case "share-types" -> SELF_CLOSING;
                case "comments-unread" -> "0";
                default -> null;
            };
            case NC -> switch (name.local()) {
                case "has-preview" -> folder ? "false" : "true";
                case "mount-type" -> "";
                case "is-encrypted" -> "0";
                default -> null;
            };
            default -> null;
        };
        return Optional.ofNullable(v);
    }
}
