package dev.ncmcp.e2e;

import dev.ncmcp.e2e.oauth.McpHttp;
import dev.ncmcp.server.schema.JsonSchemaValidator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bundled tool, called through the packaged sidecar against the demo Nextcloud, returns structured content
 * that conforms to the output schema it advertises in {@code tools/list}. A tool added without a call here fails
 * the test, so no bundled tool goes unchecked.
 */
class BundledToolOutputsTest {

    private static SidecarProcess sidecar;
    private static RecipeSite recipeSite;
    private static McpHttp mcp;
    private static final Map<String, JsonObject> OUTPUT_SCHEMAS = new HashMap<>();
    private static final Set<String> CALLED = new TreeSet<>();

    @BeforeAll
    static void start() {
        sidecar = SidecarProcess.start(SidecarProcess.Options.demo());
        recipeSite = RecipeSite.start();
        mcp = new McpHttp(sidecar.url());
        for (JsonValue tool : mcp.toolsList(null).result().getJsonArray("tools")) {
            JsonObject definition = tool.asJsonObject();
            OUTPUT_SCHEMAS.put(definition.getString("name"), definition.getJsonObject("outputSchema"));
        }
    }

    @AfterAll
    static void stop() {
        sidecar.close();
        recipeSite.close();
    }

    @Test
    void everyBundledToolsResultMatchesItsOutputSchema() {
        call("nc_notes_list_notes", "{}");
        call("nc_notes_search_notes", "{\"query\":\"budget\"}");
        call("nc_files_create_directory", "{\"path\":\"/Notes/.attachments.e2e\",\"parents\":true}");
        call("nc_files_write_file", "{\"path\":\"/Notes/.attachments.e2e/a.txt\",\"content\":\"hello\"}");
        JsonObject note = call("nc_notes_create_note", "{\"title\":\"E2E\",\"content\":\"![a](.attachments.e2e/a.txt)\"}");
        long id = note.getJsonNumber("id").longValue();
        JsonObject read = call("nc_notes_get_note", "{\"id\":" + id + "}");
        call("nc_notes_update_note", "{\"id\":" + id + ",\"favorite\":true,\"etag\":\"" + read.getString("etag") + "\"}");
        call("nc_notes_append_to_note", "{\"id\":" + id + ",\"text\":\"more\"}");
        call("nc_notes_get_attachment", "{\"id\":" + id + ",\"path\":\".attachments.e2e/a.txt\"}");
        call("nc_notes_delete_note", "{\"id\":" + id + "}");

        call("nc_files_list_directory", "{\"path\":\"/Documents\"}");
        call("nc_files_read_file", "{\"path\":\"/Documents/Readme.md\"}");
        call("nc_files_search", "{\"name\":\"Readme\"}");
        call("nc_files_list_favorites", "{}");
        call("nc_files_copy", "{\"source\":\"/Documents/data.json\",\"destination\":\"/Documents/copy.json\"}");
        call("nc_files_move", "{\"source\":\"/Documents/copy.json\",\"destination\":\"/Documents/moved.json\"}");
        call("nc_files_delete", "{\"path\":\"/Documents/moved.json\"}");

        call("nc_sharing_list_shares", "{}");
        call("nc_sharing_find_sharees", "{\"search\":\"admin\"}");
        String share = call("nc_sharing_create_share", "{\"path\":\"/Documents/Readme.md\",\"type\":\"link\"}")
                .getString("id");
        call("nc_sharing_get_share", "{\"id\":\"" + share + "\"}");
        call("nc_sharing_update_share", "{\"id\":\"" + share + "\",\"note\":\"e2e\"}");
        call("nc_sharing_delete_share", "{\"id\":\"" + share + "\"}");

        call("nc_cookbook_list_recipes", "{\"keywords\":[\"quick\"]}");
        call("nc_cookbook_search_recipes", "{\"query\":\"soup\"}");
        call("nc_cookbook_list_categories", "{}");
        call("nc_cookbook_list_keywords", "{}");
        long recipe = call("nc_cookbook_create_recipe", "{\"name\":\"E2E stew\",\"prepTime\":\"PT20M\"}")
                .getJsonNumber("id").longValue();
        call("nc_cookbook_get_recipe", "{\"id\":" + recipe + "}");
        call("nc_cookbook_update_recipe", "{\"id\":" + recipe + ",\"keywords\":[\"e2e\"]}");
        call("nc_cookbook_delete_recipe", "{\"id\":" + recipe + "}");
        call("nc_cookbook_import_recipe", "{\"url\":\"" + recipeSite.url() + "\"}");
        call("nc_cookbook_get_config", "{}");
        call("nc_cookbook_set_config", "{\"updateInterval\":10}");
        call("nc_cookbook_reindex", "{}");

        JsonObject books = call("nc_tables_list_tables", "{}").getJsonArray("tables").getValuesAs(JsonObject.class)
                .stream().filter(table -> table.getString("title").equals("Reading list")).findFirst().orElseThrow();
        long table = books.getJsonNumber("id").longValue();
        call("nc_tables_get_table", "{\"tableId\":" + table + "}");
        call("nc_tables_read_rows", "{\"viewId\":" + books.getJsonArray("views").getJsonObject(0).getInt("id") + "}");
        long row = call("nc_tables_insert_row", "{\"tableId\":" + table + ",\"values\":{\"Title\":\"Dune\","
                + "\"Pages\":412,\"Genre\":\"Novel\",\"Read\":false}}").getJsonNumber("id").longValue();
        call("nc_tables_read_rows", "{\"tableId\":" + table + ",\"filters\":[{\"column\":\"Genre\","
                + "\"operator\":\"equals\",\"value\":\"Novel\"}]}");
        call("nc_tables_get_row", "{\"rowId\":" + row + "}");
        call("nc_tables_update_row", "{\"rowId\":" + row + ",\"values\":{\"Finished\":\"2025-01-31\"}}");
        call("nc_tables_delete_row", "{\"rowId\":" + row + "}");

        assertEquals(new TreeSet<>(OUTPUT_SCHEMAS.keySet()), CALLED, "every bundled tool is called here");
    }

    private static JsonObject call(String tool, String arguments) {
        JsonObject result = mcp.callTool(null, tool, Json.createReader(new StringReader(arguments)).readObject())
                .result();
        assertFalse(result.getBoolean("isError"), tool + " failed: " + result);
        JsonObject schema = OUTPUT_SCHEMAS.get(tool);
        assertTrue(schema != null, tool + " advertises an output schema");
        JsonObject structured = result.getJsonObject("structuredContent");
        assertEquals(List.of(), JsonSchemaValidator.validate(schema, structured, "structuredContent"), tool);
        CALLED.add(tool);
        return structured;
    }
}
