package dev.ncmcp.simulator.deck;

import dev.ncmcp.simulator.Accounts;
import dev.ncmcp.simulator.BasicAuth;
import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.deck.Permissions.Need;
import dev.ncmcp.simulator.files.FileNode;
import dev.ncmcp.simulator.files.FileStore;
import dev.ncmcp.simulator.ocs.OcsEnvelope;
import dev.ncmcp.simulator.ocs.OcsGate;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /ocs/v2.php/apps/files_sharing/api/v1/shares} with {@code shareType} 12: Deck's share provider shares
 * one of the caller's files with a card ({@code shareWith} = card id), which makes it an attachment of type
 * {@code file}. Every other share is left to the sharing API (the handler declines it).
 */
final class CardShareEndpoint {
    static final String PATH = "/ocs/v2.php/apps/files_sharing/api/v1/shares";
    static final int DECK_SHARE = 12;

    private final BasicAuth auth;
    private final Accounts accounts;
    private final NextcloudVersion version;
    private final FileStore files;
    private final DeckCalls calls;

    CardShareEndpoint(BasicAuth auth, Accounts accounts, NextcloudVersion version, FileStore files, DeckCalls calls) {
        this.auth = auth;
        this.accounts = accounts;
        this.version = version;
        this.files = files;
        this.calls = calls;
    }

    /** The answer to a card share, or null for any other request to the shares route. */
    SimResponse handle(SimRequest request) {
        if (!request.method().equals("POST")) {
            return null;
        }
        DeckParams params = DeckParams.of(request, Map.of());
        if (params.number("shareType").filter(type -> type == DECK_SHARE).isEmpty()) {
            return null;
        }
        OcsEnvelope ocs = OcsEnvelope.forRequest(request);
        BasicAuth.Result who = auth.authenticate(request);
        Optional<SimResponse> refused = OcsGate.refusal(request, who, version);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!who.ok()) {
            return ocs.failure(997, "Current user is not logged in");
        }
        String path = params.textOrEmpty("path");
        Optional<FileNode> file = path.isBlank() ? Optional.empty() : files.with(who.user(), tree -> tree.find(path));
        if (file.isEmpty()) {
            return ocs.failure(404, "Wrong path, file/folder does not exist");
        }
        Optional<Long> cardId = params.number("shareWith");
        try {
            return calls.run(request, who.user(), Map.of(), call -> {
                Card card = call.access().card(cardId.orElseThrow(DeckError::denied), Need.EDIT);
                if (call.state().sharesOf(card.id).stream().anyMatch(share -> share.fileId() == file.get().id())) {
                    throw new DeckError(403, "Path is already shared with this card");
                }
                CardShare share = call.state().addShare(card.id, who.user(), file.get().id(), call.now());
                call.cardChanged(card, true);
                return ocs.ok(json(share, card, file.get(), params.number("permissions").orElse(1L)));
            });
        } catch (DeckError e) {
            return ocs.failure(e.status == 403 ? 403 : 404, e.getMessage());
        }
    }

    /** The share as the sharing API writes it, with the card as recipient. */
    private JsonObject json(CardShare share, Card card, FileNode file, long permissions) {
        String owner = share.owner();
        return Json.createObjectBuilder()
                .add("id", Long.toString(share.id())).add("share_type", DECK_SHARE).add("uid_owner", owner)
                .add("displayname_owner", accounts.displayName(owner)).add("permissions", permissions)
                .add("can_edit", true).add("can_delete", true).add("stime", share.sharedAt())
                .addNull("parent").addNull("expiration").addNull("token").add("uid_file_owner", owner)
                .add("note", "").add("label", "").add("displayname_file_owner", accounts.displayName(owner))
                .add("path", "/" + file.path()).add("item_type", file.isFolder() ? "folder" : "file")
                .add("item_permissions", 27).add("mimetype", file.mimeType()).add("has_preview", false)
                .add("storage_id", "home::" + owner).add("storage", 1).add("item_source", file.id())
                .add("file_source", file.id()).add("file_parent", file.parent().id())
                .add("file_target", "/" + file.name()).add("item_size", file.size()).add("item_mtime", file.mtime())
                .add("share_with", Long.toString(card.id)).add("share_with_displayname", card.title)
                .add("share_with_displayname_unique", Long.toString(card.id)).add("mail_send", 0)
                .add("hide_download", 0).addNull("attributes")
                .build();
    }
}
