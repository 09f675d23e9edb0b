package dev.ncmcp.plugin.tables;

import dev.ncmcp.spi.tool.Description;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One condition on a column; a row is shown when all conditions hold. */
record RowFilter(
        @Description("The column: its title or id") String column,
        @Description("How to compare: equals, not_equals, contains, begins_with, ends_with, greater_than, "
                + "greater_or_equal, less_than, less_or_equal (numbers, or dates as text), is_empty, is_not_empty")
        Operator operator,
        @Description("What to compare with, in the form the rows show (a selection's label, true/false for a "
                + "check); not needed for is_empty and is_not_empty") Optional<JsonValue> value) {

    /** The comparisons. */
    enum Operator {
        EQUALS, NOT_EQUALS, CONTAINS, BEGINS_WITH, ENDS_WITH, GREATER_THAN, GREATER_OR_EQUAL, LESS_THAN,
        LESS_OR_EQUAL, IS_EMPTY, IS_NOT_EMPTY
    }

    RowFilter {
        boolean needsValue = operator != Operator.IS_EMPTY && operator != Operator.IS_NOT_EMPTY;
        if (needsValue && value.filter(given -> given != JsonValue.NULL).isEmpty()) {
            throw new IllegalArgumentException("the filter on '" + column + "' with " + operator.name().toLowerCase(
                    Locale.ROOT) + " needs a 'value'");
        }
    }

    /** Whether a cell (as the tools show it; null when empty) passes; a list passes when one of its items does. */
    boolean accepts(JsonValue cell) {
        boolean empty = CellValues.empty(cell);
        return switch (operator) {
            case IS_EMPTY -> empty;
            case IS_NOT_EMPTY -> !empty;
            case NOT_EQUALS -> empty || items(cell).stream().noneMatch(item -> compare(item) == 0);
            default -> !empty && items(cell).stream().anyMatch(this::holds);
        };
    }

    private boolean holds(JsonValue item) {
        String text = text(item);
        String wanted = text(value.orElseThrow());
        return switch (operator) {
            case EQUALS -> compare(item) == 0;
            case CONTAINS -> text.contains(wanted);
            case BEGINS_WITH -> text.startsWith(wanted);
            case ENDS_WITH -> text.endsWith(wanted);
            case GREATER_THAN -> compare(item) > 0;
            case GREATER_OR_EQUAL -> compare(item) >= 0;
            case LESS_THAN -> compare(item) < 0;
            case LESS_OR_EQUAL -> compare(item) <= 0;
            default -> false;
        };
    }

    /** Numbers as numbers, everything else as text ignoring case (ISO dates sort as text). */
    private int compare(JsonValue item) {
        Optional<BigDecimal> left = number(item);
        Optional<BigDecimal> right = number(value.orElseThrow());
        if (left.isPresent() && right.isPresent()) {
            return left.get().compareTo(right.get());
        }
        return text(item).compareTo(text(value.orElseThrow()));
    }

    private static List<JsonValue> items(JsonValue cell) {
        return cell instanceof JsonArray list ? list : List.of(cell);
    }

    private static Optional<BigDecimal> number(JsonValue value) {
        try {
            return switch (value) {
                case JsonNumber n -> Optional.of(n.bigDecimalValue());
                case JsonString s -> Optional.of(new BigDecimal(s.getString().strip()));
                default -> Optional.empty();
            };
        } catch (NumberFormatException notNumber) {
            return Optional.empty();
        }
    }

    private static String text(JsonValue value) {
        String text = value instanceof JsonString s ? s.getString() : value.toString();
        return text.toLowerCase(Locale.ROOT);
    }
}
