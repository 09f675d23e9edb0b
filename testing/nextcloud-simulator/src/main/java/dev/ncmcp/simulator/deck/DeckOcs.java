package dev.ncmcp.simulator.deck;

import dev.ncmcp.simulator.BasicAuth;
import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.simulator.PathSegments;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.ocs.OcsEnvelope;
import dev.ncmcp.simulator.ocs.OcsGate;
import jakarta.json.Json;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deck's OCS routes ({@code /ocs/v2.php/apps/deck/api/v1.0/…}): card comments and the user's Deck config. */
final class DeckOcs {
    private final BasicAuth auth;
    private final NextcloudVersion version;
    private final DeckCalls calls;
    private final CommentEndpoints comments = new CommentEndpoints();

    DeckOcs(BasicAuth auth, NextcloudVersion version, DeckCalls calls) {
        this.auth = auth;
        this.version = version;
        this.calls = calls;
    }

    SimResponse handle(SimRequest request) {
        OcsEnvelope ocs = OcsEnvelope.forRequest(request);
        BasicAuth.Result who = auth.authenticate(request);
        Optional<SimResponse> refused = OcsGate.refusal(request, who, version);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!who.ok()) {
            return ocs.failure(997, "Current user is not logged in");
        }
        List<String> parts = PathSegments.of(request.path().replaceFirst("^/ocs/v[12]\\.php/apps/deck/api", ""));
        if (parts.isEmpty() || !parts.getFirst().matches("v1\\.[01]")) {
            return ocs.failure(998, OcsEnvelope.INVALID_QUERY);
        }
        List<String> route = parts.subList(1, parts.size());
        try {
            return calls.run(request, who.user(), Map.of(), call -> ocs.ok(route(call, request.method(), route)));
        } catch (DeckError e) {
            return ocs.failure(e.status, e.getMessage());
        } catch (NotRouted e) {
            return ocs.failure(998, OcsEnvelope.INVALID_QUERY);
        }
    }

    private JsonValue route(DeckCall call, String method, List<String> route) {
        if (route.equals(List.of("config")) && method.equals("GET")) {
            return Json.createObjectBuilder().add("calendar", true).add("cardDetailsInModal", true)
                    .add("cardIdBadge", false).build();
        }
        if (route.size() >= 3 && route.get(0).equals("cards") && route.get(2).equals("comments")) {
            long cardId = id(route.get(1));
            if (route.size() == 3) {
                return switch (method) {
                    case "GET" -> comments.list(call, cardId);
                    case "POST" -> comments.create(call, cardId);
                    default -> throw new NotRouted();
                };
            }
            if (route.size() == 4) {
                long commentId = id(route.get(3));
                return switch (method) {
                    case "PUT" -> comments.update(call, cardId, commentId);
                    case "DELETE" -> comments.delete(call, cardId, commentId);
                    default -> throw new NotRouted();
                };
            }
        }
        throw new NotRouted();
    }

    private static long id(String segment) {
        if (!segment.matches("\\d{1,18}")) {
            throw DeckError.badRequest("A valid card id must be provided");
        }
        return Long.parseLong(segment);
    }

    /** No OCS route of Deck matches. */
    private static final class NotRouted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotRouted() {
            super(null, null, false, false);
        }
    }
}
