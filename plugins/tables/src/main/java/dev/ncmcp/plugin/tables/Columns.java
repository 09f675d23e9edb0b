package dev.ncmcp.plugin.tables;

import dev.ncmcp.spi.ToolException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The columns of one table, and the names their values go by: the title, or {@code "title (#id)"} when two columns
 * share a title. A model may name a column by that key, its title in any case, or its id.
 */
final class Columns {
    private final List<ColumnView> columns;

    Columns(List<ColumnView> columns) {
        this.columns = List.copyOf(columns);
    }

    static Columns of(JsonArray json) {
        return new Columns(json.getValuesAs(JsonObject.class).stream().map(ColumnView::of).toList());
    }

    List<ColumnView> all() {
        return columns;
    }

    Optional<ColumnView> byId(long id) {
        return columns.stream().filter(column -> column.id() == id).findFirst();
    }

    /** The key of a column's value in the tools' rows. */
    String key(ColumnView column) {
        long sameTitle = columns.stream().filter(other -> other.title().equals(column.title())).count();
        return sameTitle > 1 ? column.title() + " (#" + column.id() + ")" : column.title();
    }

    /** The column {@code name} means, or an argument error listing the columns there are. */
    ColumnView named(String argument, String name) throws ToolException {
        String wanted = name.strip();
        Optional<ColumnView> found = columns.stream().filter(column -> key(column).equals(wanted)).findFirst()
                .or(() -> wanted.matches("\\d{1,18}") ? byId(Long.parseLong(wanted)) : Optional.empty())
                .or(() -> unique(columns.stream().filter(column -> column.title().equalsIgnoreCase(wanted)).toList()));
        return found.orElseThrow(() -> ToolException.invalidArgument("'" + argument + "' names no column of this "
                + "table: '" + name + "'. Its columns are: " + columns.stream().map(this::key)
                .collect(Collectors.joining(", ")) + "."));
    }

    private static Optional<ColumnView> unique(List<ColumnView> matches) {
        return matches.size() == 1 ? Optional.of(matches.getFirst()) : Optional.empty();
    }
}
