package dev.ncmcp.plugin.deck;

import dev.ncmcp.plugin.deck.DeckModel.Label;
import dev.ncmcp.plugin.deck.DeckResults.Deleted;
import dev.ncmcp.plugin.deck.DeckResults.LabelView;
import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Length;
import dev.ncmcp.spi.tool.Matches;
import dev.ncmcp.spi.tool.Range;
import dev.ncmcp.spi.tool.Tool;
import jakarta.json.Json;

import java.util.List;
import java.util.Optional;

import static dev.ncmcp.plugin.deck.BoardTools.BOARD;
import static dev.ncmcp.plugin.deck.BoardTools.COLOR;
import static dev.ncmcp.plugin.deck.BoardTools.HEX_COLOR;
import static dev.ncmcp.plugin.deck.DeckPlugin.WRITE;

/** A board's labels: create, change, delete. They are listed by nc_deck_get_board and put on cards elsewhere. */
final class LabelTools {
    static final String LABEL = "Label id, from nc_deck_get_board";

    List<ToolDefinition> definitions() {
        return List.of(
                Tool.define("nc_deck_create_label", CreateLabel.class, LabelView.class)
                        .title("Create Deck label")
                        .description("""
                                Adds a label to a board (titles are unique per board) and returns its id, title and \
                                color. Put it on cards with nc_deck_change_card_labels. Needs the manage permission.""")
                        .annotations(ToolAnnotations.ADDITIVE).requires(WRITE)
                        .handler(this::createLabel),
                Tool.define("nc_deck_update_label", UpdateLabel.class, LabelView.class)
                        .title("Update Deck label")
                        .description("""
                                Renames a label or changes its color, on every card that carries it, and returns the \
                                label. Needs the manage permission.""")
                        .annotations(ToolAnnotations.IDEMPOTENT_WRITE).requires(WRITE)
                        .handler(this::updateLabel),
                Tool.define("nc_deck_delete_label", LabelRef.class, Deleted.class)
                        .title("Delete Deck label")
                        .description("""
                                Deletes a label from a board and from every card that carries it. Returns the id and \
                                title of the deleted label. Needs the manage permission.""")
                        .annotations(ToolAnnotations.DESTRUCTIVE).requires(WRITE)
                        .handler(this::deleteLabel));
    }

    private static DeckApi api(ToolInvocation call) {
        return new DeckApi(call.nextcloud());
    }

    record CreateLabel(@Description(BOARD) @Range(min = 1) long boardId,
                       @Description("Label title, unique on the board") @Length(min = 1, max = 100) String title,
                       @Description(COLOR) @Matches(HEX_COLOR) String color) {
        CreateLabel {
            title = NonBlank.check("title", title);
        }
    }

    LabelView createLabel(CreateLabel args, ToolInvocation call) throws ToolException {
        DeckApi api = api(call);
        return Views.label(ArchivedBoards.explain(api, args.boardId(), () -> api.createLabel(args.boardId(),
                Json.createObjectBuilder().add("title", args.title()).add("color", args.color()).build())));
    }

    record UpdateLabel(@Description(BOARD) @Range(min = 1) long boardId,
                       @Description(LABEL) @Range(min = 1) long labelId,
                       @Description("New title, unique on the board") @Length(min = 1, max = 100)
                       Optional<String> title,
                       @Description(COLOR) @Matches(HEX_COLOR) Optional<String> color) {
        UpdateLabel {
            title = title.map(value -> NonBlank.check("title", value));
            if (title.isEmpty() && color.isEmpty()) {
                throw new IllegalArgumentException("Nothing to change: give title, color or both");
            }
        }
    }

    /** Deck's PUT takes title and color together, so the current values fill the gap. */
    LabelView updateLabel(UpdateLabel args, ToolInvocation call) throws ToolException {
        DeckApi api = api(call);
        Label current = api.label(args.boardId(), args.labelId());
        return Views.label(ArchivedBoards.explain(api, args.boardId(), () -> api.updateLabel(args.boardId(),
                args.labelId(), Json.createObjectBuilder().add("title", args.title().orElse(current.title()))
                        .add("color", args.color().orElse(current.color())).build())));
    }

    record LabelRef(@Description(BOARD) @Range(min = 1) long boardId,
                    @Description(LABEL) @Range(min = 1) long labelId) {
    }

    Deleted deleteLabel(LabelRef args, ToolInvocation call) throws ToolException {
        DeckApi api = api(call);
        Label label = api.label(args.boardId(), args.labelId());
        ArchivedBoards.explain(api, args.boardId(), () -> api.deleteLabel(args.boardId(), args.labelId()));
        return new Deleted("label", label.id(), label.title(), true);
    }
}
