package dev.ncmcp.plugin.notes;

import dev.ncmcp.spi.ResourceContents;
import dev.ncmcp.spi.ResourceDefinition;
import dev.ncmcp.spi.ResourceRequest;
import dev.ncmcp.spi.ResourceTemplateDefinition;
import dev.ncmcp.spi.ToolException;

import java.util.List;
import java.util.Set;

import static dev.ncmcp.plugin.notes.NotesPlugin.READ;

/** {@code nc-notes://note/{id}} (a note's markdown) and {@code nc-notes://settings} (the Notes settings). */
final class NotesResources {

    static final String NOTE_TEMPLATE = "nc-notes://note/{id}";
    static final String SETTINGS_URI = "nc-notes://settings";

    List<ResourceDefinition> fixed() {
        return List.of(new ResourceDefinition(SETTINGS_URI, "notes-settings", "Notes settings",
                "The user's Nextcloud Notes settings: notesPath (folder of the notes), fileSuffix (.md or .txt) "
                        + "and noteMode", "application/json", Set.of(READ), this::readSettings));
    }

    List<ResourceTemplateDefinition> templates() {
        return List.of(new ResourceTemplateDefinition(NOTE_TEMPLATE, "note", "Note",
                "The markdown content of one note; the id comes from nc_notes_list_notes",
                "text/markdown", Set.of(READ), this::readNote));
    }

    List<ResourceContents> readNote(ResourceRequest request) throws ToolException {
        String id = request.variables().get("id");
        if (id == null || !id.matches("[1-9][0-9]{0,18}")) {
            throw ToolException.invalidArgument("A note URI is nc-notes://note/<id> with a positive numeric id, was: "
                    + request.uri());
        }
        Note note = new NotesApi(request.nextcloud()).get(Long.parseLong(id), true);
        return List.of(new ResourceContents.Text(request.uri(), "text/markdown", note.content() == null ? "" : note.content()));
    }

    List<ResourceContents> readSettings(ResourceRequest request) throws ToolException {
        String json = new NotesApi(request.nextcloud()).settings().toString();
        return List.of(new ResourceContents.Text(request.uri(), "application/json", json));
    }
}
