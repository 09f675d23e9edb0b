package dev.ncmcp.plugin.deck;

import dev.ncmcp.spi.ResourceContents;
import dev.ncmcp.spi.ResourceRequest;
import dev.ncmcp.spi.ResourceTemplateDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.tool.RecordJson;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.ncmcp.plugin.deck.DeckPlugin.READ;

/** {@code nc-deck://board/{id}}: a board's overview (its open cards by stack) as nc_deck_get_board_overview has it. */
final class DeckResources {
    static final String BOARD_TEMPLATE = "nc-deck://board/{id}";

    private final BoardTools boards;

    DeckResources(BoardTools boards) {
        this.boards = boards;
    }

    List<ResourceTemplateDefinition> templates() {
        return List.of(new ResourceTemplateDefinition(BOARD_TEMPLATE, "deck-board", "Deck board",
                "One Deck board with its labels and its stacks, each with its open cards (at most 25 per stack); "
                        + "board ids come from nc_deck_list_boards",
                "application/json", Set.of(READ), this::readBoard));
    }

    List<ResourceContents> readBoard(ResourceRequest request) throws ToolException {
        String id = request.variables().get("id");
        if (id == null || !id.matches("[1-9][0-9]{0,17}")) {
            throw ToolException.invalidArgument("A board URI is nc-deck://board/<id> with a positive numeric id, was: "
                    + request.uri());
        }
        BoardTools.Overview open = new BoardTools.Overview(Long.parseLong(id), CardFilter.Status.OPEN, Optional.empty(),
                Optional.empty(), 25, 120);
        String json = RecordJson.of(boards.overview(open, new DeckApi(request.nextcloud()))).toString();
        return List.of(new ResourceContents.Text(request.uri(), "application/json", json));
    }
}
