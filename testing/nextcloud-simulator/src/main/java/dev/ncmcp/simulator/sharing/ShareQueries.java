package dev.ncmcp.simulator.sharing;

import dev.ncmcp.simulator.files.FileNode;
import dev.ncmcp.simulator.sharing.ShareJson.Viewpoint;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code GET …/shares} (the caller's shares, those of one path, those inside a folder, or those shared with the
 * caller) and {@code GET …/shares/{id}}, which answers a list of one.
 */
final class ShareQueries {
    private final ShareStore store;
    private final SharedNodes nodes;
    private final ShareAccess access;
    private final ShareJson json;

    ShareQueries(ShareStore store, SharedNodes nodes, ShareAccess access, ShareJson json) {
        this.store = store;
        this.nodes = nodes;
        this.access = access;
        this.json = json;
    }

    JsonArray list(String user, Map<String, String> query) {
        Optional<String> path = Optional.ofNullable(query.get("path"));
        if ("true".equals(query.get("shared_with_me"))) {
            return format(user, path.isEmpty(), share -> access.receives(user, share) && path
                    .map(target -> targetOf(share).equals(normalized(target))).orElse(true));
        }
        Optional<FileNode> node = path.map(p -> nodes.at(user, p)
                .orElseThrow(() -> new OcsFailure(404, "Wrong path, file/folder does not exist")));
        if ("true".equals(query.get("subfiles"))) {
            FileNode folder = node.filter(FileNode::isFolder)
                    .orElseThrow(() -> new OcsFailure(400, "Not a directory"));
            return format(user, false, share -> access.owns(user, share) && nodes.of(share)
                    .map(shared -> shared.parent() == folder).orElse(false));
        }
        return format(user, node.isEmpty(), share -> access.owns(user, share) && node
                .map(wanted -> share.nodeId == wanted.id()).orElse(true));
    }

    JsonArray get(String user, long id) {
        Share share = store.byId(id).filter(found -> access.sees(user, found))
                .orElseThrow(ShareQueries::unknownShare);
        FileNode node = nodes.of(share).orElseThrow(ShareQueries::unknownShare);
        return Json.createArrayBuilder().add(json.format(share, node, new Viewpoint(user, false, false))).build();
    }

    static OcsFailure unknownShare() {
        return new OcsFailure(404, "Wrong share ID, share does not exist");
    }

    /** {@code everything}: the unfiltered list, which Nextcloud 29 formats from the database rows. */
    private JsonArray format(String user, boolean everything, Predicate<Share> filter) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (Share share : store.list(filter)) {
            Viewpoint view = new Viewpoint(user, false, everything);
            nodes.of(share).ifPresent(node -> list.add(json.format(share, node, view)));
        }
        return list.build();
    }

    private String targetOf(Share share) {
        return nodes.of(share).map(node -> "/" + node.name()).orElse("");
    }

    private static String normalized(String path) {
        return "/" + path.replaceAll("^/+|/+$", "");
    }
}
