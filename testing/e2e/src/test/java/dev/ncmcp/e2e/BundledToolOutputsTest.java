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
    private static McpHttp mcp;
    private static final Map<String, JsonObject> OUTPUT_SCHEMAS = new HashMap<>();
    private static final Set<String> CALLED = new TreeSet<>();

    @BeforeAll
    static void start() {
        sidecar = SidecarProcess.start(SidecarProcess.Options.demo());
        mcp = new McpHttp(sidecar.url());
        for (JsonValue tool : mcp.toolsList(null).result().getJsonArray("tools")) {
            JsonObject definition = tool.asJsonObject();
            OUTPUT_SCHEMAS.put(definition.getString("name"), definition.getJsonObject("outputSchema"));
        }
    }

    @AfterAll
    static void stop() {
        sidecar.close();
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
