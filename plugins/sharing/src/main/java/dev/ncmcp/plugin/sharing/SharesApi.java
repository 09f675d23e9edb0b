package dev.ncmcp.plugin.sharing;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.nextcloud.Answer;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.spi.nextcloud.Ocs;
import dev.ncmcp.spi.nextcloud.Refusal;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OCS share API ({@code /ocs/v2.php/apps/files_sharing/api/v1}), with Nextcloud's refusals turned into errors
 * that say what to do next. Share passwords travel only in request bodies and never into an error.
 */
final class SharesApi {

    static final String BASE = "/ocs/v2.php/apps/files_sharing/api/v1";
    private static final String SHARES = BASE + "/shares";

    private final NextcloudClient client;

    SharesApi(NextcloudClient client) {
        this.client = client;
    }

    List<ShareView> list(Map<String, String> query) throws ToolException {
        NextcloudRequest.Builder request = Ocs.request("GET", SHARES);
        query.forEach(request::query);
        return shares(data(request.build(), "your shares", Optional.empty()));
    }

    ShareView get(String id) throws ToolException {
        List<ShareView> found = shares(data(Ocs.request("GET", SHARES + "/" + id).build(), "share " + id,
                Optional.empty()));
        if (found.isEmpty()) {
            throw unknownShare(id);
        }
        return found.getFirst();
    }

    ShareView create(JsonObject fields, Optional<String> password) throws ToolException {
        String path = fields.getString("path");
        return ShareView.of(data(Ocs.request("POST", SHARES).json(fields).build(), path, password));
    }

    ShareView update(String id, JsonObject fields, Optional<String> password) throws ToolException {
        return ShareView.of(data(Ocs.request("PUT", SHARES + "/" + id).json(fields).build(), "share " + id, password));
    }

    void delete(String id) throws ToolException {
        data(Ocs.request("DELETE", SHARES + "/" + id).build(), "share " + id, Optional.empty());
    }

    JsonObject sharees(String search, int limit) throws ToolException {
        NextcloudRequest request = Ocs.request("GET", BASE + "/sharees").query("search", search)
                .query("itemType", "file").query("perPage", Integer.toString(limit)).query("lookup", "false").build();
        if (!(data(request, "the sharee search", Optional.empty()) instanceof JsonObject found)) {
            throw ToolException.upstream("Nextcloud answered the sharee search with something that is not an object");
        }
        return found;
    }

    /** {@code ocs.data} of an answer Nextcloud accepted; its refusals in words a model can act on. */
    private JsonValue data(NextcloudRequest request, String subject, Optional<String> password) throws ToolException {
        NextcloudResponse response = client.send(request);
        Answer.of(response).about(subject)
                .on(404, refusal -> notFound(refusal, subject))
                .on(403, refusal -> ToolException.permissionDenied("Nextcloud refused this for " + subject
                        + reason(refusal, password) + " Shares of your own files can be changed only by you; a "
                        + "share with you can only be left (nc_sharing_delete_share)."))
                .on(400, refusal -> ToolException.invalidArgument("Nextcloud rejected the request for " + subject
                        + reason(refusal, password)))
                .expect(200);
        return Ocs.data(request.method(), request.path(), response);
    }

    private static ToolException notFound(Refusal refusal, String subject) {
        if (refusal.says("expiration date is in the past")) {
            return ToolException.invalidArgument("'expires' must be a future date, at least tomorrow: Nextcloud "
                    + "says \"Expiration date is in the past\".");
        }
        if (refusal.says("wrong path")) {
            return ToolException.notFound("Nothing exists at " + subject + " in your files. Check the path with "
                    + "nc_files_list_directory; paths start at the root of your files, e.g. /Documents/report.pdf.");
        }
        if (refusal.says("valid account") || refusal.says("valid group") || refusal.says("valid team")) {
            return ToolException.notFound("Nextcloud does not know the recipient: " + refusal.reason().orElseThrow()
                    + ". Find the right account or group id with nc_sharing_find_sharees.");
        }
        if (refusal.says("share does not exist")) {
            return ToolException.notFound("The " + subject + " does not exist (it may have been deleted). List "
                    + "shares with nc_sharing_list_shares.");
        }
        return null;
    }

    static ToolException unknownShare(String id) {
        return ToolException.notFound("The share " + id + " does not exist (it may have been deleted). List shares "
                + "with nc_sharing_list_shares.");
    }

    /** Nextcloud's sentence, with a password taken out should Nextcloud ever quote one. */
    private static String reason(Refusal refusal, Optional<String> password) {
        String reason = refusal.reason().map(text -> password.filter(p -> !p.isEmpty())
                .map(p -> text.replace(p, "***")).orElse(text)).orElse("HTTP " + refusal.status());
        return ": " + reason + (reason.endsWith(".") ? "" : ".");
    }

    private static List<ShareView> shares(JsonValue data) throws ToolException {
        if (!(data instanceof JsonArray array)) {
            throw ToolException.upstream("Nextcloud answered a share list with something that is not a list");
        }
        List<ShareView> shares = new ArrayList<>(array.size());
        for (JsonValue share : array) {
            shares.add(ShareView.of(share));
        }
        return shares;
    }
}
