package dev.ncmcp.plugin.tables;

import dev.ncmcp.spi.ConfigKey;
import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.PluginContext;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ScopeDefinition;
import dev.ncmcp.spi.ToolDefinition;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Nextcloud Tables: tables with typed columns, their views and rows. */
public final class TablesPlugin implements NextcloudPlugin {

    static final Scope READ = Scope.read("tables");
    static final Scope WRITE = Scope.write("tables");
    static final String SCAN_LIMIT = "scan.limit";

    private List<ToolDefinition> tools = tools(10_000);

    @Override
    public String id() {
        return "tables";
    }

    @Override
    public Optional<String> nextcloudApp() {
        return Optional.of("tables");
    }

    @Override
    public String description() {
        return "Nextcloud Tables: list tables and views, read their columns and rows (paged, filtered), insert, "
                + "update and delete rows with values checked against the column types";
    }

    @Override
    public List<ScopeDefinition> scopes() {
        return List.of(
                new ScopeDefinition(READ, "Read your Nextcloud Tables: tables, views, columns and rows"),
                new ScopeDefinition(WRITE, "Add, change and delete rows of your Nextcloud Tables"));
    }

    @Override
    public List<ConfigKey> configuration() {
        return List.of(ConfigKey.integer(SCAN_LIMIT, 10_000, 100, 1_000_000,
                "The most rows nc_tables_read_rows reads from Nextcloud to apply 'filters'"));
    }

    @Override
    public void init(PluginContext context) {
        tools = tools((int) context.config().integer(SCAN_LIMIT));
    }

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    private static List<ToolDefinition> tools(int scanLimit) {
        return Stream.of(new TableTools().definitions(), new RowTools(scanLimit).definitions())
                .flatMap(List::stream).toList();
    }
}
