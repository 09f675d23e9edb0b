package dev.ncmcp.plugin.deck;

import dev.ncmcp.plugin.deck.DeckModel.Card;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolException.Kind;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deck's answers, as captured, read into objects and into errors. */
class DeckAnswersTest {

    private static NextcloudResponse answer(int status, String contentType, String body) {
        return new NextcloudResponse(status, Map.of("Content-Type", List.of(contentType)),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static ToolException refused(int status, String body) {
        return assertThrows(ToolException.class, () -> DeckApi.check(answer(status, "application/json; charset=utf-8",
                body), "card 15"));
    }

    @Test
    void aDeletedCardIsNotFoundAndEveryOther403IsPermissionDenied() {
        ToolException deleted = refused(403, "{\"status\":403,\"message\":\"Card is deleted\"}");
        assertEquals(Kind.NOT_FOUND, deleted.kind());
        assertTrue(deleted.getMessage().startsWith("Card 15 was deleted."), deleted.getMessage());
        ToolException denied = refused(403, "{\"status\":403,\"message\":\"Permission denied\"}");
        assertEquals(Kind.PERMISSION_DENIED, denied.kind());
        assertTrue(denied.getMessage().contains("does not exist, was deleted, or is not shared with you"));
        ToolException ocs = refused(403, "{\"ocs\":{\"meta\":{\"status\":\"failure\",\"statuscode\":403,"
                + "\"message\":\"Only authors are allowed to edit their comment.\"},\"data\":[]}}");
        assertEquals(Kind.PERMISSION_DENIED, ocs.kind());
        assertTrue(ocs.getMessage().contains("Only authors are allowed to edit their comment."), ocs.getMessage());
    }

    @Test
    void validationErrorsCarryDecksSentence() {
        ToolException e = refused(400, "{\"status\":400,\"message\":\"title must be provided and must be not empty\"}");
        assertEquals(Kind.INVALID_ARGUMENT, e.kind());
        assertTrue(e.getMessage().contains("title must be provided and must be not empty"), e.getMessage());
    }

    @Test
    void aPageNotFoundMeansDeckIsMissing() {
        ToolException e = assertThrows(ToolException.class, () -> DeckApi.check(answer(404, "text/html; charset=UTF-8",
                "<h2>Page not found</h2>"), "your boards"));
        assertEquals(Kind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("Deck app is not installed"), e.getMessage());
    }

    @Test
    void cardsOfBothDeckVersionsReadAlike() {
        Card nc31 = Card.of(json("""
                {"id":14,"title":"Write spec v2","description":"Updated draft","stackId":14,"type":"plain",
                 "labels":[{"id":39,"title":"Finished","color":"31CC7C","boardId":10,"cardId":14}],
                 "assignedUsers":[{"id":3,"participant":{"primaryKey":"bob","uid":"bob","displayname":"Bob Tester",
                 "type":0},"cardId":14,"type":0}],"attachmentCount":0,
                 "owner":{"primaryKey":"bob","uid":"bob","displayname":"Bob Tester","type":0},"order":1,
                 "archived":false,"done":null,"duedate":"2026-12-02T10:00:00+00:00","commentsCount":2}"""));
        Card nc29 = Card.of(json("""
                {"id":11,"title":"Write spec","description":"First draft","descriptionPrev":null,"stackId":11,
                 "type":"plain","labels":null,"assignedUsers":null,"attachments":null,"attachmentCount":null,
                 "owner":"bob","order":1,"archived":false,"done":null,"duedate":null,"notified":false}"""));
        assertEquals("Bob Tester", nc31.owner().displayName());
        assertEquals(List.of("Finished"), nc31.labels().stream().map(DeckModel.Label::title).toList());
        assertEquals("bob", nc31.assignees().getFirst().id());
        assertEquals(Optional.of("2026-12-02T10:00:00+00:00"), nc31.duedate());
        assertEquals("bob", nc29.owner().id());
        assertEquals(List.of(), nc29.labels());
        assertEquals(List.of(), nc29.assignees());
        assertFalse(nc29.isDone());
    }

    @Test
    void anUpdateSendsTheWholeCardAndKeepsItsDoneDate() {
        Card card = Card.of(json("""
                {"id":1,"title":"T","description":"D","stackId":2,"type":"text","order":3,"archived":true,
                 "owner":"bob","done":"2026-12-01T08:00:00+00:00","duedate":"2026-12-09T00:00:00+00:00"}"""));
        JsonObject body = CardFields.of(card).title("New").build();
        assertEquals("New", body.getString("title"));
        assertEquals("D", body.getString("description"));
        assertEquals("text", body.getString("type"));
        assertEquals("bob", body.getString("owner"));
        assertEquals(3, body.getInt("order"));
        assertEquals("2026-12-09T00:00:00+00:00", body.getString("duedate"));
        assertEquals("2026-12-01T08:00:00+00:00", body.getString("done"), "Deck clears done when it is left out");
        assertFalse(body.containsKey("archived"), "Deck refuses to archive an archived card again");
        assertEquals("2026-12-01T08:00:00+00:00", CardFields.of(card).done(true).build().getString("done"));
        assertTrue(CardFields.of(card).done(false).duedate(Optional.empty()).build().isNull("done"));
        assertTrue(CardFields.of(card).duedate(Optional.empty()).build().isNull("duedate"));
    }

    @Test
    void previewsAreOneLineAndCutWithAnEllipsis() {
        assertEquals("a b c", Views.preview("  a\n\nb   c ", 10));
        assertEquals("abc…", Views.preview("abcdef", 3));
        assertEquals("…", Views.preview("abc", 0));
        assertEquals("a…", Views.preview("a😀b", 2), "never half a surrogate pair");
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
