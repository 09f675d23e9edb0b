package dev.ncmcp.plugin.deck;

/** Deck refuses titles that are only white space ("must be provided and must be not empty"); say so up front. */
final class NonBlank {
    private NonBlank() {
    }

    static String check(String argument, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("'" + argument + "' must not be blank");
        }
        return value.strip();
    }
}
