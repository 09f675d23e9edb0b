package dev.ncmcp.simulator.deck;

import java.util.regex.Pattern;

/** Deck's {@code BaseValidator} rules, with its messages, for the fields the simulator checks. */
final class Validate {
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{6}|[0-9a-fA-F]{3}");

    private Validate() {
    }

    /** {@code not_empty, not_null, not_false, max:N}. */
    static String text(DeckParams params, String field, int max) {
        String value = params.text(field).filter(text -> !text.isBlank() && !text.equals("false"))
                .orElseThrow(() -> missing(field, "not empty"));
        if (value.codePointCount(0, value.length()) > max) {
            throw DeckError.badRequest(field + " cannot be longer than " + max + " characters ");
        }
        return value;
    }

    /** A label color: also {@code hex_color}. */
    static String color(DeckParams params, boolean hex) {
        String color = text(params, "color", 6);
        if (hex && !HEX.matcher(color).matches()) {
            throw missing("color", "hex color");
        }
        return color;
    }

    static long number(DeckParams params, String field) {
        return params.number(field).orElseThrow(() -> missing(field, "numeric"));
    }

    static DeckError missing(String field, String rule) {
        return DeckError.badRequest(field + " must be provided and must be " + rule);
    }
}
