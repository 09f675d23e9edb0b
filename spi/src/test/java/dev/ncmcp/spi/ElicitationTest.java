package dev.ncmcp.spi;

import dev.ncmcp.spi.nextcloud.NextcloudClient;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ElicitationTest {

    @Test
    void invocationsWithoutElicitationGetTheUnsupportedOne() {
        ToolInvocation invocation = new ToolInvocation() {
            @Override
            public Arguments arguments() {
                return new Arguments(JsonValue.EMPTY_JSON_OBJECT);
            }

            @Override
            public NextcloudClient nextcloud() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Caller caller() {
                throw new UnsupportedOperationException();
            }
        };
        assertSame(Elicitation.UNSUPPORTED, invocation.elicitation());
    }

    @Test
    void unsupportedElicitationTellsTheModelTheClientCannotShowIt() {
        Elicitation none = Elicitation.UNSUPPORTED;
        assertFalse(none.supportsForm());
        assertFalse(none.supportsUrl());
        ToolException form = assertThrows(ToolException.class,
                () -> none.form("Name?", Json.createObjectBuilder().add("type", "object").build()));
        assertEquals(ToolException.Kind.UNAVAILABLE, form.kind());
        assertTrue(form.getMessage().contains("cannot show form elicitation"), form.getMessage());
        ToolException url = assertThrows(ToolException.class, () -> none.url("Log in", "https://example.com"));
        assertTrue(url.getMessage().contains("cannot show URL elicitation"), url.getMessage());
    }

    @Test
    void resultContentIsNeverNull() {
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, ElicitationResult.decline().content());
        assertEquals(ElicitationResult.Action.CANCEL, ElicitationResult.cancel().action());
        assertTrue(ElicitationResult.accept(Json.createObjectBuilder().add("a", 1).build()).accepted());
        assertThrows(NullPointerException.class, () -> new ElicitationResult(null, null));
    }

    @Test
    void theNewPartsAreMarkedExperimental() throws NoSuchMethodException {
        Method method = ToolInvocation.class.getMethod("elicitation");
        assertTrue(method.isDefault());
        assertNotNull(method.getAnnotation(Experimental.class));
        assertEquals("0.1.0", Elicitation.class.getAnnotation(Experimental.class).since());
        assertNotNull(ElicitationResult.class.getAnnotation(Experimental.class));
    }
}
