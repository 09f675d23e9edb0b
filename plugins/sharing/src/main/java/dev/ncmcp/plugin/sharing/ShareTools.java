package dev.ncmcp.plugin.sharing;

import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.files.FilePath;
import dev.ncmcp.spi.tool.Default;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Length;
import dev.ncmcp.spi.tool.Matches;
import dev.ncmcp.spi.tool.Page;
import dev.ncmcp.spi.tool.Range;
import dev.ncmcp.spi.tool.Tool;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.ncmcp.plugin.sharing.SharingPlugin.READ;
import static dev.ncmcp.plugin.sharing.SharingPlugin.WRITE;

/** The sharing tools: the table, then one handler per tool with its argument record. */
final class ShareTools {

    private static final String ID = "Share id, from nc_sharing_list_shares";
    private static final String ID_PATTERN = "^[0-9]{1,18}$";

    List<ToolDefinition> definitions() {
        return List.of(
                Tool.define("nc_sharing_list_shares", ListShares.class, ShareList.class)
                        .title("List shares")
                        .description("""
                                Lists shares and returns each with its id, type, path, recipient, permissions, \
                                expiry, note, label, public URL and whether a password protects it. By default the \
                                shares you made of your files; with 'path' those of one file or folder (with \
                                'subfiles' those of everything directly inside a folder); with 'sharedWithMe' the \
                                shares others made with you. Passwords are never shown.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .summary(list -> list.total() + " share(s)")
                        .handler(this::listShares),
                Tool.define("nc_sharing_get_share", ShareId.class, ShareView.class)
                        .title("Get share")
                        .description("""
                                Returns one share by id: type, path, recipient, permissions, expiry, note, label, \
                                public URL (and download URL for a file link) and whether a password protects it.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .handler((args, call) -> api(call).get(args.id())),
                Tool.define("nc_sharing_create_share", CreateShare.class, ShareView.class)
                        .title("Share a file or folder")
                        .description("""
                                Shares one of your files or folders and returns the new share with its id: with an \
                                account (type user), a group, an e-mail address, an account on another server \
                                (federated, user@server), a team or a Talk conversation, or as a public link \
                                (type link) whose URL and, for a file, direct download URL are returned. Set \
                                permissions, a password (links and e-mail shares; never returned), an expiry date, \
                                a note for the recipient and a label for a link (hide its download button with \
                                nc_sharing_update_share). Use nc_sharing_find_sharees to find \
                                the right account or group id first.""")
                        .annotations(ToolAnnotations.ADDITIVE).requires(WRITE)
                        .handler(this::createShare),
                Tool.define("nc_sharing_update_share", UpdateShare.class, ShareView.class)
                        .title("Change share")
                        .description("""
                                Changes a share you made: permissions, password (set or remove), expiry date (set \
                                or remove), note, label and whether a link hides the download button; only what you \
                                pass changes. Returns the share as it is now; the password is never returned.""")
                        .annotations(ToolAnnotations.IDEMPOTENT_WRITE).requires(WRITE)
                        .handler(this::updateShare),
                Tool.define("nc_sharing_delete_share", ShareId.class, Deleted.class)
                        .title("Delete share")
                        .description("""
                                Ends a share: for a share you made, the recipients (or everyone with the link) lose \
                                access; for a share with you, you leave it. The files themselves stay. Confirm with \
                                the user first; returns the id of the ended share.""")
                        .annotations(ToolAnnotations.DESTRUCTIVE).requires(WRITE)
                        .summary(deleted -> "Share " + deleted.id() + " ended.")
                        .handler(this::deleteShare),
                Tool.define("nc_sharing_find_sharees", FindSharees.class, Sharees.class)
                        .title("Find people to share with")
                        .description("""
                                Finds accounts, groups, e-mail addresses and federated accounts to share with by a \
                                part of their name or id, and returns for each the type and the 'shareWith' value to \
                                pass to nc_sharing_create_share, exact matches first.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .summary(found -> found.sharees().size() + " sharee(s)")
                        .handler(this::findSharees));
    }

    private static SharesApi api(ToolInvocation call) {
        return new SharesApi(call.nextcloud());
    }

    // ---- nc_sharing_list_shares

    record ListShares(
            @Description("Only the shares of this file or folder, e.g. /Documents/report.pdf ('/' or left out: all)")
            Optional<String> path,
            @Description("With 'path' a folder ('/' for your root folder): the shares of the files and folders "
                    + "directly inside it instead")
            @Default("false") boolean subfiles,
            @Description("List the shares others made with you instead of yours") @Default("false")
            boolean sharedWithMe,
            @Description("Maximum number of shares to return") @Range(min = 1, max = 500) @Default("50") int limit,
            @Description("The nextCursor of the previous call, to continue the list") Optional<String> cursor) {
        ListShares {
            if (subfiles && path.isEmpty()) {
                throw new IllegalArgumentException("'subfiles' lists the shares inside a folder: give the folder as "
                        + "'path'");
            }
            if (subfiles && sharedWithMe) {
                throw new IllegalArgumentException("'subfiles' lists your shares inside one of your folders; leave "
                        + "out 'sharedWithMe' with it");
            }
        }
    }

    record ShareList(@Description("The shares, grouped by type") List<ShareView> shares,
                     @Description("How many shares there are in all") int total,
                     @Description("Pass as 'cursor' to get the next page; absent on the last page")
                     Optional<String> nextCursor) {
    }

    ShareList listShares(ListShares args, ToolInvocation call) throws ToolException {
        Map<String, String> query = new LinkedHashMap<>();
        Optional<FilePath> path = args.path().isEmpty() ? Optional.empty()
                : Optional.of(FilePath.parse("path", args.path().get()));
        if (args.subfiles()) {
            query.put("path", path.orElseThrow().path());
            query.put("subfiles", "true");
        } else {
            // the root folder cannot be shared: its shares are all shares
            path.filter(folder -> !folder.isRoot()).ifPresent(folder -> query.put("path", folder.path()));
            if (args.sharedWithMe()) {
                query.put("shared_with_me", "true");
            } else if (query.containsKey("path")) {
                query.put("reshares", "true");
            }
        }
        Page<ShareView> page = Page.of(api(call).list(query), args.cursor(), args.limit());
        return new ShareList(page.items(), page.total(), page.nextCursor());
    }

    // ---- nc_sharing_get_share, nc_sharing_delete_share

    record ShareId(@Description(ID) @Matches(ID_PATTERN) String id) {
    }

    record Deleted(@Description("Id of the share that ended") String id,
                   @Description("Always true: the share is gone") boolean deleted) {
    }

    Deleted deleteShare(ShareId args, ToolInvocation call) throws ToolException {
        api(call).delete(args.id());
        return new Deleted(args.id(), true);
    }

    // ---- nc_sharing_create_share

    record CreateShare(
            @Description("The file or folder to share, e.g. /Documents/report.pdf") @Length(min = 1) String path,
            @Description("user, group, link (public URL), email, federated (user@server), team or talk_conversation")
            NewShareType type,
            @Description("The recipient: account id (user), group id (group), e-mail address (email), cloud id "
                    + "(federated), team id or Talk conversation token. Leave out for a link.")
            Optional<String> shareWith,
            @Description("What the recipient may do; default: everything for accounts and groups, read for links and "
                    + "e-mail. Files cannot take create or delete; a folder link takes read, create+update+delete "
                    + "(upload) or create alone (file drop)") Set<Permission> permissions,
            @Description("Password for a link or e-mail share; it is sent to Nextcloud and never shown again")
            @Length(min = 1) Optional<String> password,
            @Description("The day the share expires on (YYYY-MM-DD, at least tomorrow)") Optional<LocalDate> expires,
            @Description("A note shown to the recipient") Optional<String> note,
            @Description("A label for a link, to tell several links apart") Optional<String> label) {
        CreateShare {
            if (type == NewShareType.LINK && shareWith.isPresent()) {
                throw new IllegalArgumentException("a link reaches anyone with its URL: leave out 'shareWith' for "
                        + "type 'link'");
            }
            if (type != NewShareType.LINK && shareWith.filter(recipient -> !recipient.isBlank()).isEmpty()) {
                throw new IllegalArgumentException("'shareWith' is required for type '" + type.name().toLowerCase()
                        + "': the account, group, address or id to share with");
            }
            if (password.isPresent() && type != NewShareType.LINK && type != NewShareType.EMAIL) {
                throw new IllegalArgumentException("'password' protects only links and e-mail shares");
            }
            if (label.isPresent() && type != NewShareType.LINK) {
                throw new IllegalArgumentException("'label' applies to links only");
            }
        }

        @Override
        public String toString() {
            return "CreateShare[path=" + path + ", type=" + type + ", password=" + (password.isPresent() ? "***" : "")
                    + "]";
        }
    }

    ShareView createShare(CreateShare args, ToolInvocation call) throws ToolException {
        JsonObjectBuilder fields = Json.createObjectBuilder()
                .add("path", path("path", args.path()))
                .add("shareType", args.type().type.code);
        args.shareWith().ifPresent(recipient -> fields.add("shareWith", recipient.strip()));
        if (!args.permissions().isEmpty()) {
            fields.add("permissions", Permission.bits(args.permissions()));
        }
        args.password().ifPresent(password -> fields.add("password", password));
        args.expires().ifPresent(date -> fields.add("expireDate", date.toString()));
        args.note().ifPresent(note -> fields.add("note", note));
        args.label().ifPresent(label -> fields.add("label", label));
        return api(call).create(fields.build(), args.password());
    }

    // ---- nc_sharing_update_share

    record UpdateShare(
            @Description(ID) @Matches(ID_PATTERN) String id,
            @Description("The new permissions (replacing the old ones): read, update, create, delete, share")
            Set<Permission> permissions,
            @Description("A new password for a link or e-mail share; never shown again") @Length(min = 1)
            Optional<String> password,
            @Description("Remove the password") @Default("false") boolean removePassword,
            @Description("The new expiry day (YYYY-MM-DD, at least tomorrow)") Optional<LocalDate> expires,
            @Description("Remove the expiry date, so the share does not expire") @Default("false") boolean removeExpiry,
            @Description("The new note for the recipient ('' removes it)") Optional<String> note,
            @Description("The new label of a link ('' removes it)") Optional<String> label,
            @Description("Hide or show the download button of a link") Optional<Boolean> hideDownload) {
        UpdateShare {
            if (password.isPresent() && removePassword) {
                throw new IllegalArgumentException("give either 'password' or 'removePassword', not both");
            }
            if (expires.isPresent() && removeExpiry) {
                throw new IllegalArgumentException("give either 'expires' or 'removeExpiry', not both");
            }
            if (permissions.isEmpty() && password.isEmpty() && !removePassword && expires.isEmpty() && !removeExpiry
                    && note.isEmpty() && label.isEmpty() && hideDownload.isEmpty()) {
                throw new IllegalArgumentException("Nothing to change: give at least one of permissions, password, "
                        + "removePassword, expires, removeExpiry, note, label, hideDownload");
            }
        }

        @Override
        public String toString() {
            return "UpdateShare[id=" + id + ", password=" + (password.isPresent() ? "***" : "") + "]";
        }
    }

    ShareView updateShare(UpdateShare args, ToolInvocation call) throws ToolException {
        JsonObjectBuilder fields = Json.createObjectBuilder();
        if (!args.permissions().isEmpty()) {
            fields.add("permissions", Permission.bits(args.permissions()));
        }
        args.password().ifPresent(password -> fields.add("password", password));
        if (args.removePassword()) {
            fields.add("password", "");
        }
        args.expires().ifPresent(date -> fields.add("expireDate", date.toString()));
        if (args.removeExpiry()) {
            fields.add("expireDate", "");
        }
        args.note().ifPresent(note -> fields.add("note", note));
        args.label().ifPresent(label -> fields.add("label", label));
        args.hideDownload().ifPresent(hide -> fields.add("hideDownload", hide.toString()));
        return api(call).update(args.id(), fields.build(), args.password());
    }

    // ---- nc_sharing_find_sharees

    record FindSharees(@Description("Part of a name, account id, group id, or a whole e-mail address or cloud id")
                       @Length(min = 1) String search,
                       @Description("Maximum number of results") @Range(min = 1, max = 100) @Default("25") int limit) {
    }

    record Sharee(@Description("Pass as 'type' to nc_sharing_create_share") ShareType type,
                  @Description("Pass as 'shareWith' to nc_sharing_create_share") String shareWith,
                  @Description("The name Nextcloud shows") String label,
                  @Description("Whether the search matched the id or name exactly") boolean exact) {
    }

    record Sharees(@Description("Who can be shared with, exact matches first") List<Sharee> sharees) {
    }

    Sharees findSharees(FindSharees args, ToolInvocation call) throws ToolException {
        List<Sharee> found = ShareeResults.read(api(call).sharees(args.search().strip(), args.limit()));
        return new Sharees(found.stream().limit(args.limit()).toList());
    }

    /** A path in the caller's files as the share API wants it: normalised, starting with '/'. */
    private static String path(String argument, String raw) throws ToolException {
        FilePath path = FilePath.parse(argument, raw);
        if (path.isRoot()) {
            throw ToolException.invalidArgument("'" + argument + "' must name a file or folder; your root folder "
                    + "cannot be shared");
        }
        return path.path();
    }
}
