package dev.ncmcp.simulator.notes;

import dev.ncmcp.simulator.PathSegments;
import dev.ncmcp.simulator.files.FileNode;
import dev.ncmcp.simulator.files.FileTree;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Notes app's view of a user's file tree. Call only inside {@code FileStore.with}.
 */
final class NoteStore {
    private static final String FORBIDDEN_CHARS = "*|/\\:\"<>?";

    private final FileTree files;
    private final NotesSettings settings;

    NoteStore(FileTree files, NotesSettings settings) {
        this.files = files;
        this.settings = settings;
    }

    FileNode notesFolder() {
        return files.mkdirs(settings.notesPath());
    }

    /** All notes ordered by (modified, id). */
    List<Note> all() {
        FileNode folder = notesFolder();
        List<Note> notes = new ArrayList<>();
        for (FileNode node : files.descendants(folder)) {
            if (!node.isFolder() && isNoteFile(node.name())) {
                notes.add(toNote(folder, node));
            }
        }
        notes.sort(Comparator.comparingLong(Note::modified).thenComparingLong(Note::id));
        return notes;
    }

    Optional<Note> byId(long id) {
        FileNode folder = notesFolder();
        return files.byId(id)
                .filter(n -> !n.isFolder() && isNoteFile(n.name()) && folder.isAncestorOf(n))
                .map(n -> toNote(folder, n));
    }

    Note create(String title, String content, String category, boolean favorite, Long modified) {
        FileNode parent = files.mkdirs(settings.notesPath() + "/" + sanitizeCategory(category));
        String name = uniqueName(parent, sanitizeTitle(title), settings.fileSuffix(), null);
        FileNode file = files.createFile(parent, name, content.getBytes(StandardCharsets.UTF_8), modified);
        files.setFavorite(file, favorite);
        return toNote(notesFolder(), file);
    }

    /** Applies the given changes ({@code null} = unchanged) and returns the updated note. */
    Note update(Note note, String title, String content, String category, Boolean favorite, Long modified) {
        FileNode file = note.file();
        String newCategory = category != null ? sanitizeCategory(category) : note.category();
        String newTitle = title != null ? sanitizeTitle(title) : note.title();
        if (!newCategory.equals(note.category()) || !newTitle.equals(note.title())) {
            FileNode parent = files.mkdirs(settings.notesPath() + "/" + newCategory);
            String suffix = suffixOf(file.name());
            files.move(file, parent, uniqueName(parent, newTitle, suffix, file));
        }
        if (content != null) {
            files.write(file, content.getBytes(StandardCharsets.UTF_8), modified);
        } else if (modified != null) {
            files.touch(file, modified);
        }
        if (favorite != null) {
            files.setFavorite(file, favorite);
        }
        return toNote(notesFolder(), file);
    }

    void delete(Note note) {
        files.delete(note.file());
    }

    private Note toNote(FileNode notesFolder, FileNode file) {
        String folderPath = notesFolder.path();
        String parentPath = file.parent().path();
        String category = parentPath.length() > folderPath.length() ? parentPath.substring(folderPath.length() + 1) : "";
        String suffix = suffixOf(file.name());
        String title = file.name().substring(0, file.name().length() - suffix.length());
        return new Note(file, category, title, "/" + file.path());
    }

    private static String uniqueName(FileNode parent, String title, String suffix, FileNode self) {
        String candidate = title + suffix;
        for (int i = 2; ; i++) {
            FileNode existing = parent.child(candidate);
            if (existing == null || existing == self) {
                return candidate;
            }
            candidate = title + " (" + i + ")" + suffix;
        }
    }

    static boolean isNoteFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".md") || lower.endsWith(".txt");
    }

    private static String suffixOf(String name) {
        return name.substring(name.lastIndexOf('.'));
    }

    static String sanitizeTitle(String title) {
        StringBuilder sb = new StringBuilder();
        for (char c : (title == null ? "" : title).toCharArray()) {
            if (FORBIDDEN_CHARS.indexOf(c) < 0 && c >= 0x20) {
                sb.append(c);
            }
        }
        String cleaned = sb.toString().strip().replaceFirst("^\\.+", "");
        return cleaned.isEmpty() ? "New note" : cleaned;
    }

    static String sanitizeCategory(String category) {
        List<String> parts = new ArrayList<>();
        for (String segment : PathSegments.of(category == null ? "" : category.replace('\\', '/'))) {
            String cleaned = segment.strip();
            if (!cleaned.isEmpty() && !cleaned.equals(".") && !cleaned.equals("..")) {
                parts.add(cleaned);
            }
        }
        return String.join("/", parts);
    }
}
