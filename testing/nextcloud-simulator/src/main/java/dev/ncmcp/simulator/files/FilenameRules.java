package dev.ncmcp.simulator.files;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Nextcloud 31's file name checks with the default configuration ({@code lib/private/Files/FilenameValidator.php}):
 * {@code forbidden_filenames} = {@code .htaccess}, {@code forbidden_filename_extensions} =
 * {@code .filepart} plus the always forbidden {@code .part}, the always forbidden characters
 * {@code \} and {@code /} ({@code OCP\Constants::FILENAME_INVALID_CHARS}) and ASCII control
 * characters, at most 250 bytes ({@code oc_filecache.name}). A trailing dot or space is allowed by
 * default (only the Windows-compatibility setting forbids them).
 *
 * <p>The same violation reads differently depending on who reports it:
 * <ul>
 *   <li>looking a path up ({@code View::verifyPath} with {@code $readonly}, called by
 *       {@code getNodeForPath}) only rejects forbidden names: "Filename is a reserved word";</li>
 *   <li>creating a file or folder ({@code Directory::createFile}/{@code createDirectory} →
 *       {@code View::verifyPath}) replaces some validator messages with its own;</li>
 *   <li>a MOVE/COPY target is checked by {@code FilesPlugin::checkCopy} with the validator directly,
 *       so exceptions thrown without a message (too long, control characters, empty) give an empty reason.</li>
 * </ul>
 */
final class FilenameRules {
    private static final int MAX_BYTES = 250;
    private static final List<String> FORBIDDEN_NAMES = List.of(".htaccess");
    private static final List<String> FORBIDDEN_EXTENSIONS = List.of(".filepart", ".part");
    private static final List<String> FORBIDDEN_CHARACTERS = List.of("\\", "/");

    private FilenameRules() {
    }

    /** What a lookup of an existing or new path rejects. */
    static Optional<String> lookupViolation(String name) {
        return isForbiddenName(name) ? Optional.of("Filename is a reserved word") : Optional.empty();
    }

    /** The reason of a PUT (new file) or MKCOL refused for its name. */
    static Optional<String> creationViolation(String name) {
        return violation(name).map(v -> switch (v.kind()) {
            case EMPTY -> "Empty filename is not allowed";
            case TOO_LONG -> "Filename is too long";
            case RESERVED -> v.message().isEmpty() ? "Filename is a reserved word" : v.message();
            case CONTROL_CHARACTER -> "Filename contains at least one invalid character";
            case DOT, EXTENSION, CHARACTER -> v.message();
        });
    }

    /** The reason of a MOVE or COPY refused for the target's name. */
    static Optional<String> targetViolation(String name) {
        return violation(name).map(Violation::message);
    }

    private enum Kind { EMPTY, DOT, TOO_LONG, RESERVED, EXTENSION, CONTROL_CHARACTER, CHARACTER }

    /** A validator exception: its kind and the message it carries ({@code ""} when thrown without one). */
    private record Violation(Kind kind, String message) {
    }

    /** {@code FilenameValidator::validateFilename}, in its order. */
    private static Optional<Violation> violation(String name) {
        String trimmed = phpTrim(name);
        if (trimmed.isEmpty()) {
            return Optional.of(new Violation(Kind.EMPTY, ""));
        }
        if (trimmed.equals(".") || trimmed.equals("..")) {
            return Optional.of(new Violation(Kind.DOT, "Dot files are not allowed"));
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of(new Violation(Kind.TOO_LONG, ""));
        }
        if (isForbiddenName(name)) {
            return Optional.of(new Violation(Kind.RESERVED, "\"" + name + "\" is a forbidden file or folder name."));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String extension : FORBIDDEN_EXTENSIONS) {
            if (lower.endsWith(extension)) {
                return Optional.of(new Violation(Kind.EXTENSION, "\"" + extension + "\" is a forbidden file type."));
            }
        }
        if (name.chars().anyMatch(c -> c < 0x20)) {
            return Optional.of(new Violation(Kind.CONTROL_CHARACTER, ""));
        }
        for (String character : FORBIDDEN_CHARACTERS) {
            if (name.contains(character)) {
                return Optional.of(new Violation(Kind.CHARACTER,
                        "\"" + character + "\" is not allowed inside a file or folder name."));
            }
        }
        return Optional.empty();
    }

    private static boolean isForbiddenName(String name) {
        return FORBIDDEN_NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /** PHP's {@code trim()}: spaces, tabs, newlines, CR, NUL and vertical tab. */
    private static String phpTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && " \t\n\r\0\u000B".indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && " \t\n\r\0\u000B".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }
}
