package org.example.bookmarks;

import dev.ncmcp.spi.Arguments;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.PluginConfig;
import dev.ncmcp.spi.PluginContext;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.ToolResult;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The plugin against a hand-written Nextcloud that answers what the Bookmarks app answers. */
class BookmarksPluginTest {

    private final List<NextcloudRequest> sent = new ArrayList<>();

    @Test
    void searchSendsWordsAndTagsAndReturnsTypedBookmarks() throws ToolException {
        ToolResult result = call(plugin(Map.of("results.max", "10")), "nc_bookmarks_search",
                "{\"words\":[\"java\"],\"tags\":[\"dev\",\"jvm\"],\"limit\":50}", 200, """
                        {"status":"success","data":[{"id":7,"url":"https://openjdk.org","title":"OpenJDK",
                        "description":"","tags":["dev","jvm"]}]}""");
        assertEquals(Json.createReader(new StringReader("""
                {"bookmarks":[{"id":7,"url":"https://openjdk.org","title":"OpenJDK","description":"","tags":["dev","jvm"]}]}
                """)).readObject(), result.structuredContent());
        NextcloudRequest request = sent.getFirst();
        assertEquals(List.of("10"), request.query().get("limit"), "results.max caps the limit");
        assertEquals(List.of("dev", "jvm"), request.query().get("tags[]"));
    }

    @Test
    void aDuplicateUrlIsAConflictWithNextcloudsReason() {
        ToolException e = assertThrows(ToolException.class, () -> call(plugin(Map.of()), "nc_bookmarks_add",
                "{\"url\":\"https://openjdk.org\"}", 400, "{\"status\":\"error\",\"message\":\"Bookmark already exists\"}"));
        assertEquals(ToolException.Kind.CONFLICT, e.kind());
        assertEquals("https://openjdk.org is already bookmarked, or Nextcloud refused it: Bookmark already exists",
                e.getMessage());
    }

    @Test
    void serviceLoaderFindsThePluginAndItsConfigurationIsValidated() {
        NextcloudPlugin found = ServiceLoader.load(NextcloudPlugin.class).findFirst().orElseThrow();
        assertInstanceOf(BookmarksPlugin.class, found);
        assertThrows(IllegalArgumentException.class, () -> plugin(Map.of("results.max", "0")));
    }

    private static BookmarksPlugin plugin(Map<String, String> settings) {
        BookmarksPlugin plugin = new BookmarksPlugin();
        plugin.init(PluginContext.of(PluginConfig.of(plugin.id(), plugin.configuration(), settings)));
        return plugin;
    }

    private ToolResult call(BookmarksPlugin plugin, String tool, String arguments, int status, String answer)
            throws ToolException {
        ToolDefinition definition = plugin.tools().stream().filter(t -> t.name().equals(tool)).findFirst().orElseThrow();
        JsonObject args = Json.createReader(new StringReader(arguments)).readObject();
        NextcloudClient nextcloud = new NextcloudClient() {
            public String baseUrl() {
                return "http://nextcloud.test";
            }

            public String loginName() {
                return "alice";
            }

            public NextcloudResponse send(NextcloudRequest request) {
                sent.add(request);
                return new NextcloudResponse(status, Map.of("Content-Type", List.of("application/json")),
                        answer.getBytes(StandardCharsets.UTF_8));
            }

            public String filesRoot() {
                throw new UnsupportedOperationException();
            }
        };
        return definition.handler().call(new ToolInvocation() {
            public Arguments arguments() {
                return new Arguments(args);
            }

            public NextcloudClient nextcloud() {
                return nextcloud;
            }

            public Caller caller() {
                return new Caller("alice", "alice", Set.of(BookmarksPlugin.READ, BookmarksPlugin.WRITE));
            }
        });
    }
}
