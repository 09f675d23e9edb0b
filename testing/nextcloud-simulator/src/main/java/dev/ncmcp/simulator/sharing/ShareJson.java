package dev.ncmcp.simulator.sharing;

import dev.ncmcp.simulator.Accounts;
import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.simulator.files.FileNode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * A share as {@code ShareAPIController::formatShare} writes it, key for key and in its order: the common part, the
 * part of the share's type, then mail, download and attribute flags. Nextcloud 31 adds {@code is-mount-root} and
 * {@code mount-type}; Nextcloud 29 leaves {@code item_permissions} out for the recipient and lists the label of a
 * user or group share as null.
 */
final class ShareJson {
    /** Nextcloud's numeric id of the home storage in the captures; the simulator has one storage per user. */
    private static final int STORAGE = 3;
    private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("yyyy-MM-dd 00:00:00");

    /**
     * How the share is seen.
     *
     * @param viewer      the user asking
     * @param justCreated the answer to the create request (Nextcloud says the mail was sent then, and only then)
     * @param listed      part of an unfiltered list (Nextcloud 29 shows the label of account shares as null there)
     */
    record Viewpoint(String viewer, boolean justCreated, boolean listed) {
    }

    private final Accounts accounts;
    private final NextcloudVersion version;
    private final Supplier<String> baseUrl;

    ShareJson(Accounts accounts, NextcloudVersion version, Supplier<String> baseUrl) {
        this.accounts = accounts;
        this.version = version;
        this.baseUrl = baseUrl;
    }

    JsonObject format(Share share, FileNode node, Viewpoint view) {
        boolean recipient = !view.viewer().equals(share.owner);
        boolean nc31 = version == NextcloudVersion.NC31;
        String ownPath = "/" + node.path();
        String target = "/" + node.name();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", Long.toString(share.id))
                .add("share_type", share.type.code)
                .add("uid_owner", share.owner)
                .add("displayname_owner", accounts.displayName(share.owner))
                .add("permissions", share.permissions)
                .add("can_edit", !recipient)
                .add("can_delete", true)
                .add("stime", share.created)
                .addNull("parent")
                .add("expiration", share.expiration == null ? JsonValue.NULL
                        : Json.createValue(EXPIRATION.format(share.expiration)))
                .add("token", share.token == null ? JsonValue.NULL : Json.createValue(share.token))
                .add("uid_file_owner", share.owner)
                .add("note", share.note)
                .add("label", labelOf(share, view))
                .add("displayname_file_owner", accounts.displayName(share.owner))
                .add("path", recipient ? target : ownPath)
                .add("item_type", node.isFolder() ? "folder" : "file");
        if (nc31 || !recipient) {
            json.add("item_permissions", node.isFolder() ? 31 : 27);
        }
        if (nc31) {
            json.add("is-mount-root", recipient).add("mount-type", recipient ? "shared" : "");
        }
        json.add("mimetype", node.mimeType())
                .add("has_preview", !node.isFolder() && (node.mimeType().startsWith("text/")
                        || node.mimeType().startsWith("image/")))
                .add("storage_id", recipient ? "shared::" + target : "home::" + share.owner)
                .add("storage", STORAGE)
                .add("item_source", node.id())
                .add("file_source", node.id())
                .add("file_parent", node.parent() == null ? node.id() : node.parent().id())
                .add("file_target", target)
                .add("item_size", node.size())
                .add("item_mtime", node.mtime());
        typeSpecific(share, json);
        return json.add("mail_send", view.justCreated() ? 1 : 0)
                .add("hide_download", share.hideDownload ? 1 : 0)
                .add("attributes", share.attributesWritten ? Json.createValue("[]") : JsonValue.NULL)
                .build();
    }

    private JsonValue labelOf(Share share, Viewpoint view) {
        boolean accountShare = share.type == ShareType.USER || share.type == ShareType.GROUP;
        return version == NextcloudVersion.NC29 && view.listed() && accountShare ? JsonValue.NULL
                : Json.createValue(share.label);
    }

    private void typeSpecific(Share share, JsonObjectBuilder json) {
        JsonValue password = share.passwordHash == null ? JsonValue.NULL : Json.createValue(share.passwordHash);
        switch (share.type) {
            case USER -> json.add("share_with", share.sharedWith)
                    .add("share_with_displayname", accounts.displayName(share.sharedWith))
                    .add("share_with_displayname_unique", share.sharedWith);
            case LINK -> json.add("share_with", password)
                    .add("share_with_displayname", "(Shared link)")
                    .add("password", password)
                    .add("send_password_by_talk", false)
                    .add("url", baseUrl.get() + "/index.php/s/" + share.token);
            case EMAIL -> json.add("share_with", share.sharedWith)
                    .add("share_with_displayname", share.sharedWith)
                    .add("password", password)
                    .addNull("password_expiration_time")
                    .add("send_password_by_talk", false);
            default -> json.add("share_with", share.sharedWith)
                    .add("share_with_displayname", share.sharedWith);
        }
    }
}
