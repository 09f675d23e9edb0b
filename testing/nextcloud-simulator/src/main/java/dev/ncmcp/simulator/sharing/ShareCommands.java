package dev.ncmcp.simulator.sharing;

import dev.ncmcp.simulator.Accounts;
import dev.ncmcp.simulator.RequestFields;
import dev.ncmcp.simulator.files.FileNode;
import dev.ncmcp.simulator.files.FileTree;
import dev.ncmcp.simulator.sharing.ShareJson.Viewpoint;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.ncmcp.simulator.sharing.ShareParameters.READ;

/**
 * {@code POST …/shares}, {@code PUT …/shares/{id}} and {@code DELETE …/shares/{id}} with the checks of
 * {@code ShareAPIController} and the share manager, in their order and with their sentences.
 */
final class ShareCommands {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** {@code core/shareapi_default_permissions}: everything. */
    private static final int DEFAULT_PERMISSIONS = 31;

    private final ShareStore store;
    private final SharedNodes nodes;
    private final ShareAccess access;
    private final ShareJson json;
    private final Accounts accounts;

    ShareCommands(ShareStore store, SharedNodes nodes, ShareAccess access, ShareJson json, Accounts accounts) {
        this.store = store;
        this.nodes = nodes;
        this.access = access;
        this.json = json;
        this.accounts = accounts;
    }

    JsonObject create(String user, RequestFields fields) {
        String path = fields.string("path");
        if (path == null || path.isBlank()) {
            throw new OcsFailure(404, "Please specify a file or folder path");
        }
        FileNode node = nodes.at(user, path)
                .orElseThrow(() -> new OcsFailure(404, "Wrong path, file/folder does not exist"));
        if (node.parent() == null) {
            throw new OcsFailure(403, "You cannot share your root folder");
        }
        ShareType type = ShareType.of(Optional.ofNullable(fields.number("shareType")).orElse(-1L))
                .orElseThrow(() -> new OcsFailure(400, "Unknown share type"));
        String shareWith = fields.string("shareWith");
        int requested = Optional.ofNullable(fields.number("permissions")).map(Long::intValue)
                .orElse(type.hasToken() ? READ : DEFAULT_PERMISSIONS);
        int permissions = switch (type) {
            case LINK -> ShareParameters.forLink(requested, Optional.ofNullable(fields.bool("publicUpload")),
                    node.isFolder());
            default -> ShareParameters.forNode(requested, node.isFolder());
        };
        checkRecipient(user, type, shareWith, node);
        LocalDate expiration = Optional.ofNullable(fields.string("expireDate")).filter(date -> !date.isEmpty())
                .map(date -> ShareParameters.expiration(date, LocalDate.now())).orElse(null);
        Share share = store.add(type, user, node.id(), type == ShareType.LINK ? null : shareWith, FileTree.now());
        share.permissions = permissions;
        share.expiration = expiration;
        Optional.ofNullable(fields.string("note")).ifPresent(note -> share.note = note);
        if (type.hasToken()) {
            Optional.ofNullable(fields.string("password")).filter(p -> !p.isEmpty())
                    .ifPresent(password -> share.passwordHash = SharePassword.hash(password));
        }
        if (type == ShareType.LINK) {
            Optional.ofNullable(fields.string("label")).ifPresent(label -> share.label = label);
            share.hideDownload = Boolean.TRUE.equals(fields.bool("hideDownload"));
        }
        return json.format(share, node, new Viewpoint(user, true, false));
    }

    private void checkRecipient(String user, ShareType type, String shareWith, FileNode node) {
        switch (type) {
            case USER -> {
                if (shareWith == null || !accounts.exists(shareWith)) {
                    throw new OcsFailure(404, "Please specify a valid account to share with");
                }
                if (shareWith.equals(user)) {
                    throw new OcsFailure(403, "Failed to create share.");
                }
                boolean shared = !store.list(share -> share.type == ShareType.USER && share.nodeId == node.id()
                        && shareWith.equals(share.sharedWith)).isEmpty();
                if (shared) {
                    throw new OcsFailure(403, "Sharing " + node.name() + " failed, because this item is already "
                            + "shared with the account " + accounts.displayName(shareWith));
                }
            }
            case GROUP -> {
                if (shareWith == null || !accounts.groups().contains(shareWith)) {
                    throw new OcsFailure(404, "Please specify a valid group");
                }
            }
            case EMAIL -> {
                if (shareWith == null || !EMAIL.matcher(shareWith).matches()) {
                    throw new OcsFailure(400, "Please specify a valid email address");
                }
            }
            case REMOTE -> throw new OcsFailure(403, "Sharing " + node.name() + " failed, could not find "
                    + shareWith + ", maybe the server is currently unreachable or uses a self-signed certificate.");
            case TEAM -> throw new OcsFailure(404, "Please specify a valid team");
            case ROOM -> throw new OcsFailure(403, "Sharing " + node.name()
                    + " failed because the back end does not support room shares");
            case DECK -> throw new OcsFailure(403, "Sharing " + node.name()
                    + " failed because the back end does not support Deck shares");
            case LINK -> {
            }
        }
    }

    JsonObject update(String user, long id, RequestFields fields) {
        Share share = store.byId(id).filter(found -> access.sees(user, found))
                .orElseThrow(ShareQueries::unknownShare);
        FileNode node = nodes.of(share).orElseThrow(ShareQueries::unknownShare);
        if (!access.owns(user, share)) {
            throw new OcsFailure(403, "You are not allowed to edit incoming shares");
        }
        boolean nothing = Stream.of("permissions", "password", "expireDate", "note", "label",
                "hideDownload", "publicUpload", "sendPasswordByTalk", "attributes").noneMatch(fields::has);
        if (nothing) {
            throw new OcsFailure(400, "Wrong or no update parameter given");
        }
        Optional<Integer> permissions = Optional.ofNullable(fields.number("permissions")).map(Long::intValue);
        if (share.type == ShareType.LINK) {
            if (permissions.isPresent() || fields.has("publicUpload")) {
                share.permissions = ShareParameters.forLink(permissions.orElse(share.permissions),
                        Optional.ofNullable(fields.bool("publicUpload")), node.isFolder());
            }
            Optional.ofNullable(fields.string("label")).ifPresent(label -> share.label = label);
            Optional.ofNullable(fields.bool("hideDownload")).ifPresent(hide -> share.hideDownload = hide);
            share.attributesWritten = true;
        } else {
            permissions.ifPresent(value -> share.permissions = ShareParameters.forNode(value, node.isFolder()));
        }
        if (share.type.hasToken()) {
            Optional.ofNullable(fields.string("password")).ifPresent(password ->
                    share.passwordHash = password.isEmpty() ? null : SharePassword.hash(password));
        }
        Optional.ofNullable(fields.string("expireDate")).ifPresent(date -> share.expiration = date.isEmpty() ? null
                : ShareParameters.expiration(date, LocalDate.now()));
        Optional.ofNullable(fields.string("note")).ifPresent(note -> share.note = note);
        return json.format(share, node, new Viewpoint(user, false, false));
    }

    /** The owner deletes the share; a recipient leaves it (a user share is gone then, a group share only for him). */
    JsonValue delete(String user, long id) {
        Share share = store.byId(id).filter(found -> access.sees(user, found))
                .orElseThrow(ShareQueries::unknownShare);
        if (share.type == ShareType.GROUP && !access.owns(user, share)) {
            share.leftBy.add(user);
        } else {
            store.remove(share);
        }
        return JsonValue.EMPTY_JSON_ARRAY;
    }
}
