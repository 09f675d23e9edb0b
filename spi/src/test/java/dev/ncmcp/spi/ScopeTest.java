package dev.ncmcp.spi;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScopeTest {

    @Test
    void bothSeparatorsParseToTheSameScope() {
        assertEquals(Optional.of(Scope.read("notes")), Scope.parse("notes:read"));
        assertEquals(Optional.of(Scope.read("notes")), Scope.parse("notes.read"));
    }

    @Test
    void rendersWithTheConfiguredSeparator() {
        assertEquals("files:write", Scope.write("files").render(':'));
        assertEquals("files.write", Scope.write("files").render('.'));
    }

    @Test
    void openidIsTheOneScopeWithoutAccess() {
        assertEquals(Optional.of(Scope.OPENID), Scope.parse("openid"));
        assertEquals("openid", Scope.OPENID.render(':'));
        assertTrue(Scope.OPENID.isOpenId());
        assertThrows(IllegalArgumentException.class, () -> new Scope("notes", ""));
    }

    @Test
    void unknownOrMalformedScopesAreNotScopes() {
        for (String text : new String[] {"profile", "email", "notes:", ":read", "Notes:read", "a:b:c", "a.b:c", ""}) {
            assertEquals(Optional.empty(), Scope.parse(text), text);
        }
    }

    @Test
    void toolDefinitionsValidateThemselves() {
        assertThrows(IllegalArgumentException.class, () -> ToolDefinition.builder("bad name!").annotations(ToolAnnotations.READ_ONLY).title("t")
                .description("d").inputSchema("{\"type\":\"object\"}").requires(Scope.read("x"))
                .handler(i -> ToolResult.text("x")).build());
        assertThrows(IllegalArgumentException.class, () -> ToolDefinition.builder("no_scope").annotations(ToolAnnotations.READ_ONLY).title("t")
                .description("d").inputSchema("{\"type\":\"object\"}").handler(i -> ToolResult.text("x")).build());
        assertThrows(IllegalArgumentException.class, () -> ToolDefinition.builder("not_object").annotations(ToolAnnotations.READ_ONLY).title("t")
                .description("d").inputSchema("{\"type\":\"string\"}").requires(Scope.read("x"))
                .handler(i -> ToolResult.text("x")).build());
    }
}
