package dev.ncmcp.plugin.deck;

import dev.ncmcp.plugin.deck.DeckModel.Card;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The body of Deck's card PUT, which replaces the whole card: title, type and owner are required, and a description,
 * due date or done date left out is cleared. So every update starts from the card as it is. {@code archived} is left
 * out (Deck then keeps it): Deck refuses to archive an archived card again.
 */
final class CardFields {
    private static final DateTimeFormatter ATOM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final JsonObjectBuilder json = Json.createObjectBuilder();
    private String title;
    private String type;
    private String description;
    private long order;
    private Optional<String> duedate;
    private Optional<String> done;

    private CardFields(Card card) {
        title = card.title();
        type = card.type();
        description = card.description();
        order = card.order();
        duedate = card.duedate();
        done = card.done();
        json.add("owner", card.owner().id());
    }

    static CardFields of(Card card) {
        return new CardFields(card);
    }

    CardFields title(String value) {
        title = value;
        return this;
    }

    CardFields type(String value) {
        type = value;
        return this;
    }

    CardFields description(String value) {
        description = value;
        return this;
    }

    CardFields order(long value) {
        order = value;
        return this;
    }

    /** An ISO-8601 date, or empty to remove the due date. */
    CardFields duedate(Optional<String> value) {
        duedate = value;
        return this;
    }

    /** Marks the card done now, keeping an earlier done date, or not done. */
    CardFields done(boolean value) {
        done = value ? done.or(() -> Optional.of(ATOM.format(Instant.now().atOffset(ZoneOffset.UTC))))
                : Optional.empty();
        return this;
    }

    CardFields archived(boolean value) {
        json.add("archived", value);
        return this;
    }

    jakarta.json.JsonObject build() {
        json.add("title", title).add("type", type).add("description", description).add("order", order);
        duedate.ifPresentOrElse(date -> json.add("duedate", date), () -> json.addNull("duedate"));
        done.ifPresentOrElse(date -> json.add("done", date), () -> json.addNull("done"));
        return json.build();
    }
}
