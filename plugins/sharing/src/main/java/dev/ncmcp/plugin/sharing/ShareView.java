package dev.ncmcp.plugin.sharing;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.tool.Description;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One share as the tools show it. Built from Nextcloud's share object, never echoing its secrets: a link's password
 * comes back from Nextcloud as a hash (in {@code password} and, for links, {@code share_with}); only whether there is
 * one is shown.
 */
record ShareView(
        @Description("Share id; pass it to nc_sharing_get_share, nc_sharing_update_share or nc_sharing_delete_share")
        String id,
        @Description("Whom the share reaches: user, group, link (anyone with the URL), email, federated (an account on "
                + "another server), team, talk_conversation, deck (a Deck card) or other") ShareType type,
        @Description("The shared file or folder: its path in the owner's files, or for shares with you where it "
                + "appears in yours") String path,
        @Description("file or folder") ItemType itemType,
        @Description("Account id of the owner") String owner,
        @Description("Display name of the owner") String ownerName,
        @Description("The account id, group id, e-mail address or cloud id the share is for; absent for links")
        Optional<String> sharedWith,
        @Description("Display name of the recipient; absent for links") Optional<String> sharedWithName,
        @Description("What the recipient may do: read, update, create, delete, share") List<Permission> permissions,
        @Description("The day the share expires on (it ends when that day begins, server time); absent when it "
                + "does not expire")
        Optional<LocalDate> expires,
        @Description("Note shown to the recipient; empty when none") String note,
        @Description("Label of a public link; empty when none") String label,
        @Description("The public URL of a link (or of an e-mail share)") Optional<String> url,
        @Description("Direct download URL of a link to a file") Optional<String> downloadUrl,
        @Description("Whether a password protects the link; the password itself is never shown")
        boolean passwordProtected,
        @Description("Whether the link hides the download button") boolean hideDownload,
        @Description("When the share was created, ISO-8601 UTC") Instant created,
        @Description("Whether you can change or delete this share as its owner (false for shares with you, which you "
                + "can only leave with nc_sharing_delete_share)") boolean canEdit) {

    /** What is shared. */
    enum ItemType { FILE, FOLDER }

    static ShareView of(JsonValue value) throws ToolException {
        if (!(value instanceof JsonObject share) || !(share.get("id") instanceof JsonString id)) {
            throw ToolException.upstream("Nextcloud answered with something that is not a share");
        }
        ShareType type = ShareType.of(number(share, "share_type").orElse(-1L).intValue());
        boolean link = type == ShareType.LINK;
        Optional<String> url = text(share, "url");
        boolean file = !"folder".equals(text(share, "item_type").orElse(""));
        return new ShareView(id.getString(), type, text(share, "path").orElse(""),
                file ? ItemType.FILE : ItemType.FOLDER,
                text(share, "uid_owner").orElse(""), text(share, "displayname_owner").orElse(""),
                link ? Optional.empty() : text(share, "share_with"),
                link ? Optional.empty() : text(share, "share_with_displayname"),
                Permission.of(number(share, "permissions").orElse(0L).intValue()),
                text(share, "expiration").map(expiration -> LocalDate.parse(expiration.substring(0, 10))),
                text(share, "note").orElse(""), text(share, "label").orElse(""),
                url, link && file ? url.map(address -> address.replaceAll("/+$", "") + "/download") : Optional.empty(),
                text(share, "password").isPresent(), number(share, "hide_download").orElse(0L) != 0,
                Instant.ofEpochSecond(number(share, "stime").orElse(0L)), share.get("can_edit") == JsonValue.TRUE);
    }

    private static Optional<String> text(JsonObject json, String key) {
        return json.get(key) instanceof JsonString value && !value.getString().isEmpty()
                ? Optional.of(value.getString()) : Optional.empty();
    }

    private static Optional<Long> number(JsonObject json, String key) {
        return json.get(key) instanceof JsonNumber value ? Optional.of(value.longValue()) : Optional.empty();
    }
}
