package dev.ncmcp.simulator.deck;

import dev.ncmcp.simulator.BasicAuth;
import dev.ncmcp.simulator.PathSegments;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import jakarta.json.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Deck's REST API ({@code /index.php/apps/deck/api/v1.0/…}, v1.1 for attachments): authentication as for every
 * app route (Basic, or Bearer with {@code OCS-APIREQUEST}), then the route table of {@code appinfo/routes.php}.
 */
final class DeckRest {
    static final String PREFIX = "/index.php/apps/deck/api";
    private static final String NOT_FOUND_PAGE = "<!DOCTYPE html>\n<html><head><title>Nextcloud</title></head><body>"
            + "<div class=\"guest-box\"><h2>Page not found</h2></div></body></html>\n";

    private final BasicAuth auth;
    private final DeckCalls calls;
    private final BoardEndpoints boards;
    private final StackEndpoints stacks = new StackEndpoints();
    private final CardEndpoints cards;
    private final LabelEndpoints labels = new LabelEndpoints();
    private final AttachmentEndpoints attachments;

    DeckRest(BasicAuth auth, DeckCalls calls, BoardEndpoints boards, CardEndpoints cards,
             AttachmentEndpoints attachments) {
        this.auth = auth;
        this.calls = calls;
        this.boards = boards;
        this.cards = cards;
        this.attachments = attachments;
    }

    static SimResponse methodNotAllowed() {
        return SimResponse.status(405).header("Content-Type", SimResponse.HTML);
    }

    SimResponse handle(SimRequest request) {
        BasicAuth.Result who = auth.authenticate(request);
        if (who.kind() == BasicAuth.Kind.ANONYMOUS
                || (who.bearer() && request.header("OCS-APIREQUEST").filter("true"::equalsIgnoreCase).isEmpty())) {
            return message(401, "CORS requires basic auth");
        }
        if (!who.ok()) {
            return message(401, "");
        }
        List<String> parts = PathSegments.of(request.path().substring(PREFIX.length()));
        if (parts.isEmpty() || !parts.getFirst().matches("v1\\.[01]")) {
            return SimResponse.html(404, NOT_FOUND_PAGE);
        }
        boolean v11 = parts.getFirst().equals("v1.1");
        Route route = Route.of(parts.subList(1, parts.size()));
        if (route == null) {
            return SimResponse.html(404, NOT_FOUND_PAGE);
        }
        try {
            return calls.run(request, who.user(), route.params(), call -> dispatch(call, request.method(), route, v11));
        } catch (DeckError e) {
            return e.response();
        }
    }

    private SimResponse dispatch(DeckCall call, String method, Route route, boolean v11) {
        Map<String, Long> p = route.params();
        Long card = p.get("cardId");
        return switch (route.shape()) {
            case "boards" -> switch (method) {
                case "GET" -> boards.index(call);
                case "POST" -> boards.create(call);
                default -> methodNotAllowed();
            };
            case "boards/#" -> switch (method) {
                case "GET" -> boards.get(call, p.get("boardId"));
                case "PUT" -> boards.update(call, p.get("boardId"));
                case "DELETE" -> boards.delete(call, p.get("boardId"));
                default -> methodNotAllowed();
            };
            case "boards/#/undo_delete" -> only("POST", method, () -> boards.undoDelete(call, p.get("boardId")));
            case "boards/#/acl" -> only("POST", method, () -> boards.addAcl(call, p.get("boardId")));
            case "boards/#/acl/#" -> switch (method) {
                case "PUT" -> boards.updateAcl(call, p.get("aclId"));
                case "DELETE" -> boards.deleteAcl(call, p.get("aclId"));
                default -> methodNotAllowed();
            };
            case "boards/#/stacks" -> switch (method) {
                case "GET" -> stacks.index(call, p.get("boardId"));
                case "POST" -> stacks.create(call, p.get("boardId"));
                default -> methodNotAllowed();
            };
            case "boards/#/stacks/archived" -> only("GET", method, () -> stacks.archived(call, p.get("boardId")));
            case "boards/#/stacks/#" -> switch (method) {
                case "GET" -> stacks.get(call, p.get("stackId"));
                case "PUT" -> stacks.update(call, p.get("boardId"), p.get("stackId"));
                case "DELETE" -> stacks.delete(call, p.get("stackId"));
                default -> methodNotAllowed();
            };
            case "boards/#/stacks/#/cards" -> only("POST", method, () -> cards.create(call, p.get("stackId")));
            case "boards/#/stacks/#/cards/#" -> switch (method) {
                case "GET" -> cards.get(call, card, v11);
                case "PUT" -> cards.update(call, p.get("stackId"), card);
                case "DELETE" -> cards.delete(call, card);
                default -> methodNotAllowed();
            };
            case "boards/#/stacks/#/cards/#/assignLabel" -> only("PUT", method, () -> cards.assignLabel(call, card));
            case "boards/#/stacks/#/cards/#/removeLabel" -> only("PUT", method, () -> cards.removeLabel(call, card));
            case "boards/#/stacks/#/cards/#/assignUser" -> only("PUT", method, () -> cards.assignUser(call, card));
            case "boards/#/stacks/#/cards/#/unassignUser" -> only("PUT", method, () -> cards.unassignUser(call, card));
            case "boards/#/stacks/#/cards/#/reorder" ->
                    only("PUT", method, () -> cards.reorder(call, p.get("stackId"), card));
            case "boards/#/stacks/#/cards/#/archive" -> only("PUT", method, () -> cards.archive(call, card, true));
            case "boards/#/stacks/#/cards/#/unarchive" -> only("PUT", method, () -> cards.archive(call, card, false));
            case "boards/#/stacks/#/cards/#/attachments" ->
                    only("GET", method, () -> attachments.list(call, card, v11));
            case "boards/#/stacks/#/cards/#/attachments/file/#" -> only(v11 ? "DELETE" : "none", method,
                    () -> attachments.delete(call, card, "file", p.get("attachmentId")));
            case "boards/#/stacks/#/cards/#/attachments/deck_file/#" -> only(v11 ? "DELETE" : "none", method,
                    () -> attachments.delete(call, card, "deck_file", p.get("attachmentId")));
            case "boards/#/labels" -> only("POST", method, () -> labels.create(call, p.get("boardId")));
            case "boards/#/labels/#" -> switch (method) {
                case "GET" -> labels.get(call, p.get("labelId"));
                case "PUT" -> labels.update(call, p.get("labelId"));
                case "DELETE" -> labels.delete(call, p.get("labelId"));
                default -> methodNotAllowed();
            };
            default -> SimResponse.html(404, NOT_FOUND_PAGE);
        };
    }

    /** The route's answer when the request has the route's method, else 405. */
    private static SimResponse only(String routeMethod, String method, Supplier<SimResponse> action) {
        return method.equals(routeMethod) ? action.get() : methodNotAllowed();
    }

    private static SimResponse message(int status, String text) {
        return SimResponse.json(status, Json.createObjectBuilder().add("message", text).build());
    }

    /**
     * A path as a shape ({@code boards/#/stacks/#}) and its numeric placeholders named as Deck's routes name them
     * ({@code boardId}, {@code stackId}, …); null when a placeholder is not a number.
     */
    record Route(String shape, Map<String, Long> params) {
        private static final Map<String, String> NAMES = Map.of("boards", "boardId", "stacks", "stackId",
                "cards", "cardId", "labels", "labelId", "acl", "aclId", "file", "attachmentId",
                "deck_file", "attachmentId");

        static Route of(List<String> segments) {
            StringBuilder shape = new StringBuilder();
            Map<String, Long> params = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                String segment = segments.get(i);
                String name = i > 0 ? NAMES.get(segments.get(i - 1)) : null;
                boolean placeholder = name != null
                        && !(segment.equals("archived") && segments.get(i - 1).equals("stacks"));
                if (placeholder) {
                    if (!segment.matches("\\d{1,18}")) {
                        return null;
                    }
                    params.put(name, Long.parseLong(segment));
                }
                shape.append(i == 0 ? "" : "/").append(placeholder ? "#" : segment);
            }
            return new Route(shape.toString(), params);
        }
    }
}
