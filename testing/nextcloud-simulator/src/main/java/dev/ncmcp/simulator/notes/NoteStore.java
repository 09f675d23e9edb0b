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
import java.util.function.LongSupplier;

/**
 * The Notes app's view of a user's file tree, including how the quota bites
 * ({@code lib/Service/NoteUtil.php}, {@code lib/Service/Note.php} of notes 4.12): every content
 * write first needs as many free bytes as it writes (507), and then the quota storage wrapper
 * writes only if strictly fewer bytes than are free ({@code Quota::file_put_contents}), and creates
 * no folder when nothing is free ({@code Quota::mkdir}). Call only inside {@code FileStore.with}.
 */
final class NoteStore {
    private static final String FORBIDDEN_CHARS = "*|/\\:\"<>?";

    private final FileTree files;
    private final NotesSettings settings;
    private final LongSupplier freeSpace;

    /** {@code freeSpace}: the owner's free bytes, negative when unlimited. */
    NoteStore(FileTree files, NotesSettings settings, LongSupplier freeSpace) {
        this.files = files;
        this.settings = settings;
        this.freeSpace = freeSpace;
    }

    FileNode notesFolder() {
        return folder(settings.notesPath());
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

    /** {@code NotesService::create} then {@code setContent}; a refused content leaves no note behind. */
    Note create(String title, String content, String category, boolean favorite, Long modified) {
        FileNode parent = folder(settings.notesPath() + "/" + sanitizeCategory(category));
        ensureSufficientStorage(1);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        ensureWritable(bytes);
        String name = uniqueName(parent, sanitizeTitle(title), settings.fileSuffix(), null);
        FileNode file = files.createFile(parent, name, bytes, modified);
        files.setFavorite(file, favorite);
        return toNote(notesFolder(), file);
    }

    /** Whether an update writes, touches or moves the file (the favorite flag is a tag, not a file change). */
    boolean changesFile(Note note, String title, String content, String category, Long modified) {
        return (content != null && !content.equals(note.content()))
                || (modified != null && modified != note.modified())
                || moves(note, title, category);
    }

    /**
     * Applies the given changes ({@code null} = unchanged) in the order of
     * {@code NotesApiController::update}: content, modified, title and category, favorite.
     */
    Note update(Note note, String title, String content, String category, Boolean favorite, Long modified) {
        FileNode file = note.file();
        if (content != null && !content.equals(note.content())) {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            ensureWritable(bytes);
            files.write(file, bytes, null);
        }
        if (modified != null && modified != note.modified()) {
            files.touch(file, modified);
        }
        if (moves(note, title, category)) {
            FileNode parent = folder(settings.notesPath() + "/" + newCategory(note, category));
            files.move(file, parent, uniqueName(parent, newTitle(note, title), suffixOf(file.name()), file));
        }
        if (favorite != null) {
            files.setFavorite(file, favorite);
        }
        return toNote(notesFolder(), file);
    }

    private static boolean moves(Note note, String title, String category) {
        return !newCategory(note, category).equals(note.category()) || !newTitle(note, title).equals(note.title());
    }

    private static String newCategory(Note note, String category) {
        return category != null ? sanitizeCategory(category) : note.category();
    }

    private static String newTitle(Note note, String title) {
        return title != null ? sanitizeTitle(title) : note.title();
    }

    private FileNode folder(String path) {
        Optional<FileNode> existing = files.find(path).filter(FileNode::isFolder);
        if (existing.isEmpty() && freeSpace.getAsLong() == 0) {
            throw NotesException.notPermitted();
        }
        return existing.orElseGet(() -> files.mkdirs(path));
    }

    /** {@code Note::setContent}: the app's own check, then the quota wrapper's. */
    private void ensureWritable(byte[] content) {
        ensureSufficientStorage(content.length);
        long free = freeSpace.getAsLong();
        if (free >= 0 && content.length >= free) {
            throw NotesException.genericFileError();
        }
    }

    private void ensureSufficientStorage(long required) {
        long free = freeSpace.getAsLong();
        if (free >= 0 && free < required) {
            throw NotesException.insufficientStorage();
        }
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
