package dev.ncmcp.simulator.deck;

import dev.ncmcp.simulator.Accounts;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.deck.Permissions.Need;
import dev.ncmcp.simulator.files.FileNode;
import dev.ncmcp.simulator.files.FileStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A card's attachments. The simulator keeps those of type {@code file}: files of their owner shared with the card
 * (share type 12), which Deck lists by share id. API v1.0 lists only {@code deck_file} uploads (none here); v1.1
 * lists every type and names the type in the URL of a delete.
 */
final class AttachmentEndpoints {
    private final FileStore files;
    private final Accounts accounts;

    AttachmentEndpoints(FileStore files, Accounts accounts) {
        this.files = files;
        this.accounts = accounts;
    }

    SimResponse list(DeckCall call, long cardId, boolean allTypes) {
        Card card = call.access().card(cardId, Need.READ);
        return SimResponse.json(200, DeckJson.array(allTypes ? of(call, card) : List.of()));
    }

    /** DELETE v1.1 .../attachments/{type}/{id}: a file attachment's share ends; the file itself stays. */
    SimResponse delete(DeckCall call, long cardId, String type, long attachmentId) {
        if (type.equals("deck_file")) {
            throw DeckError.denied();
        }
        if (!type.equals("file")) {
            throw DeckError.notFound("");
        }
        CardShare share = call.state().shares.get(attachmentId);
        if (share == null || share.cardId() != cardId) {
            throw DeckError.denied();
        }
        Card card = call.access().card(share.cardId(), Need.EDIT);
        JsonObject attachment = json(call, card, share).orElseThrow(DeckError::denied);
        call.state().shares.remove(share.id());
        call.cardChanged(card, true);
        return SimResponse.json(200, attachment);
    }

    List<JsonObject> of(DeckCall call, Card card) {
        List<JsonObject> out = new ArrayList<>();
        for (CardShare share : call.state().sharesOf(card.id)) {
            json(call, card, share).ifPresent(out::add);
        }
        return out;
    }

    /** The attachment as {@code FilesAppService} lists and extends it; empty when the shared file is gone. */
    private Optional<JsonObject> json(DeckCall call, Card card, CardShare share) {
        return files.with(share.owner(), tree -> tree.byId(share.fileId())).map(file -> Json.createObjectBuilder()
                .add("id", share.id()).add("cardId", card.id).add("type", "file").add("data", file.name())
                .add("lastModified", file.mtime()).add("createdAt", share.sharedAt()).add("createdBy", share.owner())
                .add("deletedAt", 0)
                .add("extendedData", Json.createObjectBuilder()
                        .add("path", "/" + file.path()).add("fileid", file.id()).add("data", file.name())
                        .add("filesize", file.size()).add("mimetype", file.mimeType())
                        .add("info", info(file)).add("hasPreview", false).add("permissions", 1)
                        .add("attachmentCreator", Json.createObjectBuilder().add("displayName",
                                accounts.displayName(share.owner())).add("id", share.owner()).addNull("email")))
                .build());
    }

    /** PHP's {@code pathinfo} of the file name. */
    private static JsonObject info(FileNode file) {
        String name = file.name();
        int dot = name.lastIndexOf('.');
        var info = Json.createObjectBuilder().add("dirname", ".").add("basename", name);
        if (dot >= 0) {
            info.add("extension", name.substring(dot + 1));
        }
        return info.add("filename", dot >= 0 ? name.substring(0, dot) : name).build();
    }
}
