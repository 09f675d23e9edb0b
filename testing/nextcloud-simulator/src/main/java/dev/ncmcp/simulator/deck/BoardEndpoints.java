package dev.ncmcp.simulator.deck;

import dev.ncmcp.simulator.Hashes;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.deck.Permissions.Need;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code BoardApiController}: boards and their ACL (sharing). */
final class BoardEndpoints {
    private final DefaultBoard defaultBoard;

    BoardEndpoints(DefaultBoard defaultBoard) {
        this.defaultBoard = defaultBoard;
    }

    /**
     * GET /boards: the caller's boards, deleted ones included, and the boards shared with them. Any
     * {@code If-Modified-Since} fails: deck 1.13 and 1.15 call {@code Sabre\HTTP\Util::parseHTTPDate}, a class the
     * sabre/http of Nextcloud 29 and 31 no longer has ({@code deck/33}, {@code deck/34}).
     */
    SimResponse index(DeckCall call) {
        if (call.request().header("If-Modified-Since").filter(value -> !value.isEmpty()).isPresent()) {
            return MaskedServerError.response();
        }
        defaultBoard.ensureFor(call.user(), call);
        boolean details = call.params().flag("details").orElse(false);
        List<Board> boards = new ArrayList<>();
        for (Board board : call.state().boards.values()) {
            if (board.owner.equals(call.user()) || (!board.deleted() && call.access().on(board).read())) {
                boards.add(board);
            }
        }
        List<JsonObject> listed = boards.stream().map(board -> call.json().boardListed(board, details)).toList();
        String etag = Hashes.md5(boards.stream().map(board -> board.id + "-" + DeckJson.etag(board.lastModified))
                .collect(Collectors.joining(",", "[", "]")));
        return SimResponse.json(200, DeckJson.array(listed)).header("ETag", "\"" + etag + "\"");
    }

    SimResponse get(DeckCall call, long boardId) {
        Board board = call.access().board(boardId, Need.READ);
        return SimResponse.json(200, call.json().boardFull(board))
                .header("ETag", "\"" + DeckJson.etag(board.lastModified) + "\"");
    }

    SimResponse create(DeckCall call) {
        String title = Validate.text(call.params(), "title", 100);
        String color = Validate.color(call.params(), false);
        Board board = createBoard(call.state(), call.user(), title, color);
        JsonObject created = call.json().boardCreated(board);
        call.boardChanged(board.id);
        return SimResponse.json(200, created);
    }

    /** A board with Deck's four default labels. */
    static Board createBoard(DeckState state, String owner, String title, String color) {
        Board board = state.addBoard(owner, title, color);
        state.addLabel(board.id, "Finished", "31CC7C");
        state.addLabel(board.id, "To review", "317CCC");
        state.addLabel(board.id, "Action needed", "FF7A66");
        state.addLabel(board.id, "Later", "F1DB50");
        return board;
    }

    /** PUT /boards/{id}: title, color and archived replace the board's (archived defaults to false). */
    SimResponse update(DeckCall call, long boardId) {
        String title = Validate.text(call.params(), "title", 100);
        String color = Validate.color(call.params(), false);
        if (call.params().sent("archived") && call.params().flag("archived").isEmpty()) {
            throw Validate.missing("archived", "bool");
        }
        boolean archived = call.params().flag("archived").orElse(false);
        Board board = call.access().board(boardId, Need.MANAGE);
        board.title = title;
        board.color = color;
        board.archived = archived;
        call.boardChanged(board.id);
        return SimResponse.json(200, call.json().boardFull(board));
    }

    SimResponse delete(DeckCall call, long boardId) {
        Board board = call.access().board(boardId, Need.MANAGE);
        board.deletedAt = call.now();
        call.boardChanged(board.id);
        return SimResponse.json(200, call.json().boardFull(board));
    }

    SimResponse undoDelete(DeckCall call, long boardId) {
        Board board = call.access().boardEvenDeleted(boardId, Need.MANAGE);
        board.deletedAt = 0;
        call.boardChanged(board.id);
        return SimResponse.json(200, call.json().boardFull(board));
    }

    /** POST /boards/{id}/acl: share the board with a user (type 0), group (1) or team (7). */
    SimResponse addAcl(DeckCall call, long boardId) {
        int type = (int) Validate.number(call.params(), "type");
        String participant = Validate.text(call.params(), "participant", 64);
        Board board = call.access().board(boardId, Need.SHARE);
        if (type == Acl.USER && board.owner.equals(participant)) {
            throw DeckError.badRequest("The board owner cannot be added as a participant");
        }
        Acl acl = call.state().addAcl(board.id, type, participant);
        permissions(call, acl);
        call.boardChanged(board.id);
        return SimResponse.json(200, call.json().acl(acl));
    }

    SimResponse updateAcl(DeckCall call, long aclId) {
        Acl acl = acl(call, aclId, Need.SHARE);
        permissions(call, acl);
        call.boardChanged(acl.boardId);
        return SimResponse.json(200, call.json().acl(acl));
    }

    SimResponse deleteAcl(DeckCall call, long aclId) {
        Acl acl = acl(call, aclId, Need.MANAGE);
        call.state().acls.remove(acl.id);
        if (acl.type == Acl.USER) {
            // unsharing also unassigns the user from the board's cards
            call.state().assignments.values().removeIf(assignment -> assignment.participant().equals(acl.participant)
                    && call.state().boardOfCard(assignment.cardId()).filter(board -> board.id == acl.boardId)
                    .isPresent());
        }
        call.boardChanged(acl.boardId);
        return SimResponse.json(200, call.json().acl(acl));
    }

    private static Acl acl(DeckCall call, long aclId, Need need) {
        Acl acl = call.state().acls.get(aclId);
        if (acl == null) {
            throw DeckError.denied();
        }
        call.access().board(acl.boardId, need);
        return acl;
    }

    /** {@code BoardService::applyPermissions}: only a manager may hand out manage, nobody more than they have. */
    private static void permissions(DeckCall call, Acl acl) {
        Permissions mine = call.access().on(call.state().boards.get(acl.boardId));
        acl.edit = call.params().flag("permissionEdit").orElse(false) && (mine.edit() || mine.manage());
        acl.share = call.params().flag("permissionShare").orElse(false) && (mine.share() || mine.manage());
        acl.manage = call.params().flag("permissionManage").orElse(false) && mine.manage();
    }
}
