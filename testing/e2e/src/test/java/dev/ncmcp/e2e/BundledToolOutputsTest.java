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

        calendarTools();
        contactsTools();
        callDeckTools();

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

    /** The calendar plugin (shaded ical4j, loaded from its jar) against the demo's sample calendars and tasks. */
    private static void calendarTools() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        call("nc_calendar_list_calendars", "{}");
        String calendar = call("nc_calendar_create_calendar", "{\"name\":\"E2E calendar\"}").getString("id");
        call("nc_calendar_update_calendar", "{\"calendar\":\"" + calendar + "\",\"color\":\"#123456\"}");
        call("nc_calendar_list_events", "{\"from\":\"" + today.minusDays(7) + "\",\"to\":\"" + today.plusDays(40)
                + "\",\"timeZone\":\"Europe/Berlin\"}");
        call("nc_calendar_list_upcoming_events", "{\"days\":14}");
        call("nc_calendar_search_events", "{\"text\":\"sync\"}");
        String uid = call("nc_calendar_create_event", "{\"calendar\":\"" + calendar + "\",\"summary\":\"E2E\","
                + "\"start\":\"" + today.plusDays(2) + "T10:00\",\"timeZone\":\"Europe/Berlin\","
                + "\"recurrence\":\"FREQ=DAILY;COUNT=3\",\"reminders\":[{\"minutesBefore\":5}]}").getString("uid");
        JsonObject event = call("nc_calendar_get_event", "{\"calendar\":\"" + calendar + "\",\"uid\":\"" + uid + "\"}");
        call("nc_calendar_update_event", "{\"calendar\":\"" + calendar + "\",\"uid\":\"" + uid + "\",\"etag\":"
                + Json.createValue(event.getString("etag")) + ",\"location\":\"Room 2\"}");
        call("nc_calendar_delete_event", "{\"calendar\":\"" + calendar + "\",\"uid\":\"" + uid + "\"}");
        call("nc_calendar_get_free_busy", "{\"from\":\"" + today + "\",\"to\":\"" + today.plusDays(7) + "\"}");
        call("nc_calendar_find_free_slots", "{\"durationMinutes\":30,\"timeZone\":\"Europe/Berlin\"}");
        call("nc_calendar_create_meeting", "{\"calendar\":\"" + calendar + "\",\"summary\":\"E2E meeting\","
                + "\"start\":\"" + today.plusDays(3) + "T15:00\",\"timeZone\":\"Europe/Berlin\","
                + "\"attendees\":[{\"email\":\"anna@example.org\"}]}");
        call("nc_calendar_list_tasks", "{}");
        call("nc_calendar_search_tasks", "{\"text\":\"passport\"}");
        String task = call("nc_calendar_create_task", "{\"calendar\":\"tasks\",\"summary\":\"E2E task\","
                + "\"due\":\"" + today.plusDays(1) + "\"}").getString("uid");
        call("nc_calendar_update_task", "{\"calendar\":\"tasks\",\"uid\":\"" + task + "\",\"priority\":2}");
        call("nc_calendar_complete_task", "{\"calendar\":\"tasks\",\"uid\":\"" + task + "\"}");
        call("nc_calendar_reopen_task", "{\"calendar\":\"tasks\",\"uid\":\"" + task + "\"}");
        call("nc_calendar_delete_task", "{\"calendar\":\"tasks\",\"uid\":\"" + task + "\"}");
        call("nc_calendar_delete_calendar", "{\"calendar\":\"" + calendar + "\",\"confirm\":true}");
    }

    /** The contacts plugin (shaded ez-vcard) against the demo's sample address book. */
    private static void contactsTools() {
        call("nc_contacts_list_address_books", "{}");
        String book = call("nc_contacts_create_address_book", "{\"name\":\"E2E book\"}").getString("id");
        call("nc_contacts_list_contacts", "{}");
        call("nc_contacts_search_contacts", "{\"query\":\"anna\"}");
        call("nc_contacts_get_contact", "{\"addressBook\":\"contacts\",\"uid\":\"sample-anna\"}");
        String uid = call("nc_contacts_create_contact", "{\"addressBook\":\"" + book + "\",\"fullName\":\"E2E Person\","
                + "\"emails\":[{\"address\":\"e2e@example.org\"}]}").getString("uid");
        call("nc_contacts_update_contact", "{\"addressBook\":\"" + book + "\",\"uid\":\"" + uid + "\",\"title\":\"Tester\"}");
        call("nc_contacts_delete_contact", "{\"addressBook\":\"" + book + "\",\"uid\":\"" + uid + "\"}");
        call("nc_contacts_delete_address_book", "{\"addressBook\":\"" + book + "\",\"confirm\":true}");
    }

    /** The demo's sample board is read; everything written goes to a board of its own, deleted at the end. */
    private static void callDeckTools() {
        JsonObject sample = call("nc_deck_list_boards", "{\"details\":true}").getJsonArray("boards").stream()
                .map(JsonValue::asJsonObject).filter(board -> board.getString("title").equals("Website relaunch"))
                .findFirst().orElseThrow(() -> new AssertionError("the demo has the sample board"));
        long board = sample.getJsonNumber("id").longValue();
        call("nc_deck_get_board", "{\"boardId\":" + board + "}");
        JsonObject overview = call("nc_deck_get_board_overview", "{\"boardId\":" + board + ",\"cards\":\"all\"}");
        JsonObject inProgress = overview.getJsonArray("stacks").getJsonObject(1);
        JsonObject review = inProgress.getJsonArray("cards").getJsonObject(0);
        String sampleCard = "\"boardId\":" + board + ",\"stackId\":" + inProgress.getInt("id") + ",\"cardId\":"
                + review.getInt("id");
        call("nc_deck_list_cards", "{\"boardId\":" + board + ",\"stackId\":" + inProgress.getInt("id") + "}");
        call("nc_deck_get_card", "{" + sampleCard + "}");
        call("nc_deck_list_comments", "{\"cardId\":" + review.getInt("id") + "}");
        call("nc_deck_list_attachments", "{" + sampleCard + "}");

        JsonObject mine = call("nc_deck_create_board", "{\"title\":\"E2E board\"}");
        long id = mine.getJsonNumber("id").longValue();
        String me = mine.getJsonObject("owner").getString("id");
        call("nc_deck_update_board", "{\"boardId\":" + id + ",\"color\":\"ff8800\"}");
        call("nc_deck_share_board", "{\"boardId\":" + id + ",\"participant\":\"staff\",\"type\":\"group\"}");
        call("nc_deck_unshare_board", "{\"boardId\":" + id + ",\"participant\":\"staff\",\"type\":\"group\"}");
        long todo = call("nc_deck_create_stack", "{\"boardId\":" + id + ",\"title\":\"To do\"}").getInt("id");
        long done = call("nc_deck_create_stack", "{\"boardId\":" + id + ",\"title\":\"Done\"}").getInt("id");
        call("nc_deck_update_stack", "{\"boardId\":" + id + ",\"stackId\":" + done + ",\"title\":\"Finished\"}");
        long label = call("nc_deck_create_label", "{\"boardId\":" + id + ",\"title\":\"E2E\",\"color\":\"00aa00\"}")
                .getInt("id");
        call("nc_deck_update_label", "{\"boardId\":" + id + ",\"labelId\":" + label + ",\"color\":\"00bb00\"}");
        long card = call("nc_deck_create_card", "{\"boardId\":" + id + ",\"stackId\":" + todo
                + ",\"title\":\"Check outputs\",\"labels\":[" + label + "]}").getInt("id");
        String ids = "\"boardId\":" + id + ",\"stackId\":" + todo + ",\"cardId\":" + card;
        call("nc_deck_update_card", "{" + ids + ",\"description\":\"All tools\",\"duedate\":\"2030-01-01\"}");
        call("nc_deck_change_card_labels", "{" + ids + ",\"remove\":[" + label + "]}");
        call("nc_deck_change_card_assignees", "{" + ids + ",\"add\":[\"" + me + "\"]}");
        long comment = call("nc_deck_add_comment", "{\"cardId\":" + card + ",\"message\":\"Checked\"}").getInt("id");
        call("nc_deck_edit_comment", "{\"cardId\":" + card + ",\"commentId\":" + comment + ",\"message\":\"Done\"}");
        call("nc_deck_delete_comment", "{\"cardId\":" + card + ",\"commentId\":" + comment + "}");
        long attachment = call("nc_deck_attach_file", "{" + ids + ",\"path\":\"/Documents/Readme.md\"}").getInt("id");
        call("nc_deck_delete_attachment", "{" + ids + ",\"attachmentId\":" + attachment + "}");
        call("nc_deck_move_card", "{" + ids + ",\"toStackId\":" + done + "}");
        String moved = "\"boardId\":" + id + ",\"stackId\":" + done + ",\"cardId\":" + card;
        call("nc_deck_archive_card", "{" + moved + "}");
        call("nc_deck_delete_card", "{" + moved + "}");
        call("nc_deck_delete_label", "{\"boardId\":" + id + ",\"labelId\":" + label + "}");
        call("nc_deck_delete_stack", "{\"boardId\":" + id + ",\"stackId\":" + todo + "}");
        call("nc_deck_delete_board", "{\"boardId\":" + id + "}");
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
