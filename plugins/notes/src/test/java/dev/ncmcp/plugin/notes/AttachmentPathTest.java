package dev.ncmcp.plugin.notes;

import dev.ncmcp.spi.ToolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AttachmentPathTest {

    @Test
    void relativePathInTheNoteFolderIsAccepted() throws ToolException {
        assertEquals(List.of(".attachments.123", "photo.png"), AttachmentPath.segments(".attachments.123/photo.png"));
        assertEquals(List.of(".attachments.123", "photo.png"), AttachmentPath.segments("./.attachments.123//photo.png"));
    }

    @Test
    void percentEncodedNamesAreDecodedOnce() throws ToolException {
        assertEquals(List.of(".attachments.7", "my photo+1.png"), AttachmentPath.segments(".attachments.7/my%20photo+1.png"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.txt", ".attachments.1/../../x", "..", "/etc/passwd", "%2e%2e/x",
            ".attachments.1/%2E%2E/%2e%2e/x", "a\\..\\b", "http://evil/x.png", "file:///etc/passwd", "", "  ", ".", "./", "%zz"})
    void pathsLeavingTheNoteFolderOrNamingNoFileAreRejected(String path) {
        ToolException e = assertThrows(ToolException.class, () -> AttachmentPath.segments(path));
        assertEquals(ToolException.Kind.INVALID_ARGUMENT, e.kind());
    }

    @Test
    void noteFolderComesFromTheInternalPath() {
        assertEquals(List.of("Notes", "Work", "Projects"), AttachmentPath.folderOf("/Notes/Work/Projects/Meeting notes.md"));
        assertEquals(List.of("Notes"), AttachmentPath.folderOf("/Notes/Shopping list.md"));
    }

    @Test
    void davPathEncodesEverySegment() {
        assertEquals("/remote.php/dav/files/bob/Notes/Work%20Stuff/.attachments.5/a%20b%23%3F.png",
                AttachmentPath.davPath("/remote.php/dav/files/bob/", List.of("Notes", "Work Stuff"),
                        List.of(".attachments.5", "a b#?.png")));
    }
}
