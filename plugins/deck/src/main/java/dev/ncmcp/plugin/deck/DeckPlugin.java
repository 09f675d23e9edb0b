package dev.ncmcp.plugin.deck;

import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.ResourceTemplateDefinition;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ScopeDefinition;
import dev.ncmcp.spi.ToolDefinition;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Nextcloud Deck: kanban boards, their stacks and cards, labels, assignees, comments and attachments. */
public final class DeckPlugin implements NextcloudPlugin {

    static final Scope READ = Scope.read("deck");
    static final Scope WRITE = Scope.write("deck");

    private final BoardTools boards = new BoardTools();
    private final List<ToolDefinition> tools = Stream.of(boards.definitions(), new StackTools().definitions(),
            new CardTools().definitions(), new CardOrganizeTools().definitions(), new LabelTools().definitions(),
            new CommentTools().definitions(), new AttachmentTools().definitions()).flatMap(List::stream).toList();
    private final DeckResources resources = new DeckResources(boards);

    @Override
    public String id() {
        return "deck";
    }

    @Override
    public Optional<String> nextcloudApp() {
        return Optional.of("deck");
    }

    @Override
    public String description() {
        return "Nextcloud Deck: kanban boards with their stacks, cards, labels, assignees, comments and attachments";
    }

    @Override
    public List<ScopeDefinition> scopes() {
        return List.of(
                new ScopeDefinition(READ, "Read your Deck boards, their cards, comments and attachments"),
                new ScopeDefinition(WRITE, "Create, change, move, share and delete your Deck boards, stacks, cards, "
                        + "labels, comments and attachments"));
    }

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    @Override
    public List<ResourceTemplateDefinition> resourceTemplates() {
        return resources.templates();
    }
}
