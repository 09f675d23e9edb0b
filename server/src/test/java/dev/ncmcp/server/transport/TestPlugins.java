package dev.ncmcp.server.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.ncmcp.server.Sidecar;
import dev.ncmcp.server.nextcloud.AuthenticatedCaller;
import dev.ncmcp.server.nextcloud.NextcloudAccess;
import dev.ncmcp.server.plugin.PluginRegistry;
import dev.ncmcp.server.protocol.McpSettings;
import dev.ncmcp.server.security.CallerResolver;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.Content;
import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.PromptDefinition;
import dev.ncmcp.spi.PromptResult;
import dev.ncmcp.spi.ResourceContents;
import dev.ncmcp.spi.ResourceDefinition;
import dev.ncmcp.spi.ResourceTemplateDefinition;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ScopeDefinition;
import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolResult;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import jakarta.json.Json;

/**
 * In-test plugins, a caller resolver driven by a test header, and the sidecar every MCP test routes to: the real
 * {@link Sidecar#routing} with these fakes in place of configured plugins, identity provider and Nextcloud.
 */
public final class TestPlugins {
    public static final Scope DEMO_READ = Scope.read("demo");
    public static final Scope DEMO_WRITE = Scope.write("demo");
    static final Scope ADMIN_READ = Scope.read("admin");
    /** Comma-separated scopes the test caller is granted; absent = demo:read, demo:write. */
    static final String SCOPES_HEADER = "X-Test-Scopes";
    static final String SECRET = "secret-token-xyz";
    /** The {@code Host} of Helidon's {@code DirectClient} ({@code http://helidon-unit:65000}). */
    static final String DIRECT_CLIENT_HOST = "helidon-unit";

    private TestPlugins() {
    }

    public static final class Demo implements NextcloudPlugin {
        @Override
        public String id() {
            return "demo";
        }

        @Override
        public List<ScopeDefinition> scopes() {
            return List.of(new ScopeDefinition(DEMO_READ, "Read demo things"),
                    new ScopeDefinition(DEMO_WRITE, "Change demo things"));
        }

        @Override
        public List<ToolDefinition> tools() {
            return List.of(
                    ToolDefinition.builder("demo_echo").annotations(ToolAnnotations.READ_ONLY).title("Echo").description("Echoes the title")
                            .inputSchema("""
                                    {"type": "object",
                                     "properties": {
                                       "title": {"type": "string", "minLength": 1},
                                       "count": {"type": "integer", "minimum": 0},
                                       "tags": {"type": "array", "items": {"type": "string"}}
                                     },
                                     "required": ["title"],
                                     "additionalProperties": false}""")
                            .annotations(ToolAnnotations.READ_ONLY)
                            .requires(DEMO_READ)
                            .handler(call -> ToolResult.text("echo: " + call.arguments().string("title")))
                            .build(),
                    ToolDefinition.builder("demo_structured").annotations(ToolAnnotations.READ_ONLY).title("Structured").description("All content kinds")
                            .inputSchema("{\"type\": \"object\"}")
                            .outputSchema("{\"type\": \"object\", \"properties\": {\"n\": {\"type\": \"integer\"}}}")
                            .annotations(ToolAnnotations.READ_ONLY)
                            .requires(DEMO_READ)
                            .handler(call -> ToolResult.structured(Json.createObjectBuilder().add("n", 7).build(), List.of(
                                    new Content.Text("seven"),
                                    new Content.Image("aW1n", "image/png"),
                                    new Content.Audio("YXVk", "audio/wav"),
                                    new Content.EmbeddedResource(new ResourceContents.Text("demo://a", "text/plain", "A")),
                                    new Content.EmbeddedResource(new ResourceContents.Blob("demo://b", null, "Qg==")),
                                    new Content.ResourceLink("demo://note/1", "note 1", "first", "text/plain", 3L))))
                            .build(),
                    ToolDefinition.builder("demo_progress").annotations(ToolAnnotations.READ_ONLY).title("Progress").description("Reports progress")
                            .inputSchema("{\"type\": \"object\"}")
                            .annotations(ToolAnnotations.READ_ONLY)
                            .requires(DEMO_READ)
                            .handler(call -> {
                                call.progress().report(1, 3.0, "one");
                                call.progress().report(2, 3.0, "two");
                                call.progress().report(1.5, 3.0, "backwards, dropped");
                                call.progress().report(3, 3.0, null);
                                return ToolResult.text("done, cancelled=" + call.cancelled());
                            })
                            .build(),
                    ToolDefinition.builder("demo_fail").annotations(ToolAnnotations.READ_ONLY).title("Fail").description("Fails unexpectedly")
                            .inputSchema("{\"type\": \"object\"}")
                            .annotations(ToolAnnotations.READ_ONLY)
                            .requires(DEMO_READ)
                            .handler(call -> {
                                throw new IllegalStateException("boom with " + SECRET);
                            })
                            .build(),
                    ToolDefinition.builder("demo_missing").annotations(ToolAnnotations.READ_ONLY).title("Missing").description("Not found")
                            .inputSchema("{\"type\": \"object\"}")
                            .annotations(ToolAnnotations.READ_ONLY)
                            .requires(DEMO_READ)
                            .handler(call -> {
                                throw ToolException.notFound("Note 7 does not exist; list notes to find one");
                            })
                            .build(),
                    ToolDefinition.builder("demo_nextcloud").annotations(ToolAnnotations.READ_ONLY).title("Nextcloud").description("Uses Nextcloud")
                            .inputSchema("{\"type\": \"object\"}")
                            .annotations(ToolAnnotations.READ_ONLY)
                            .requires(DEMO_READ)
                            .handler(call -> ToolResult.text(call.nextcloud().filesRoot()))
                            .build(),
                    ToolDefinition.builder("demo_update").title("Update").description("Conflicts")
                            .inputSchema("{\"type\": \"object\"}")
                            .annotations(ToolAnnotations.IDEMPOTENT_WRITE)
                            .requires(DEMO_READ, DEMO_WRITE)
                            .handler(call -> {
                                throw ToolException.conflict("The note changed since it was read",
                                        Json.createObjectBuilder().add("etag", "e2").build());
                            })
                            .build());
        }

        @Override
        public List<ResourceDefinition> resources() {
            return List.of(new ResourceDefinition("demo://settings", "settings", "Settings", "Demo settings",
                    "application/json", Set.of(DEMO_READ),
                    request -> List.of(new ResourceContents.Text(request.uri(), "application/json", "{\"a\":1}"))));
        }

        @Override
        public List<ResourceTemplateDefinition> resourceTemplates() {
            return List.of(new ResourceTemplateDefinition("demo://note/{id}", "note", "Note", "One note", "text/plain",
                    Set.of(DEMO_READ), request -> {
                        String id = request.variables().get("id");
                        if ("missing".equals(id)) {
                            throw ToolException.notFound("no note " + id);
                        }
                        return List.of(new ResourceContents.Text(request.uri(), "text/plain", "note " + id));
                    }));
        }

        @Override
        public List<PromptDefinition> prompts() {
            return List.of(new PromptDefinition("summarize", "Summarize", "Summarize a topic",
                    List.of(new PromptDefinition.PromptArgument("topic", "What to summarize", true),
                            new PromptDefinition.PromptArgument("style", "How", false)),
                    Set.of(DEMO_READ),
                    request -> new PromptResult("Summary prompt", List.of(new PromptResult.Message(
                            PromptResult.Role.USER, new Content.Text("Summarize " + request.arguments().get("topic")))))));
        }
    }

    /** Features only an admin scope sees. */
    static final class Admin implements NextcloudPlugin {
        @Override
        public String id() {
            return "admin";
        }

        @Override
        public List<ScopeDefinition> scopes() {
            return List.of(new ScopeDefinition(ADMIN_READ, "Read admin things"));
        }

        @Override
        public List<ToolDefinition> tools() {
            return List.of(ToolDefinition.builder("admin_audit").annotations(ToolAnnotations.READ_ONLY).title("Audit").description("Admin only")
                    .inputSchema("{\"type\": \"object\"}")
                    .annotations(ToolAnnotations.READ_ONLY)
                    .requires(ADMIN_READ)
                    .handler(call -> ToolResult.text("audit"))
                    .build());
        }

        @Override
        public List<ResourceDefinition> resources() {
            return List.of(new ResourceDefinition("admin://log", "log", null, null, "text/plain", Set.of(ADMIN_READ),
                    request -> List.of(new ResourceContents.Text(request.uri(), "text/plain", "log"))));
        }

        @Override
        public List<PromptDefinition> prompts() {
            return List.of(new PromptDefinition("admin_report", null, null, List.of(), Set.of(ADMIN_READ),
                    request -> new PromptResult(null, List.of())));
        }
    }

    public static final Scope NOTES_READ = Scope.read("notes");

    /** A plugin that needs the Nextcloud app {@code notes}: hidden when the caller's capabilities lack it. */
    public static final class Notes implements NextcloudPlugin {
        @Override
        public String id() {
            return "notes";
        }

        @Override
        public java.util.Optional<String> nextcloudApp() {
            return java.util.Optional.of("notes");
        }

        @Override
        public List<ScopeDefinition> scopes() {
            return List.of(new ScopeDefinition(NOTES_READ, "Read notes"));
        }

        @Override
        public List<ToolDefinition> tools() {
            return List.of(ToolDefinition.builder("notes_list").annotations(ToolAnnotations.READ_ONLY).title("List notes").description("Lists notes")
                            .inputSchema("{\"type\": \"object\"}")
                            .annotations(ToolAnnotations.READ_ONLY)
                            .requires(NOTES_READ)
                            .handler(call -> ToolResult.text("notes"))
                            .build(),
                    ToolDefinition.builder("notes_create").annotations(ToolAnnotations.READ_ONLY).title("Create note").description("Creates a note")
                            .inputSchema("""
                                    {"type": "object",
                                     "properties": {"content": {"type": "string"}},
                                     "required": ["content"]}""")
                            .annotations(ToolAnnotations.READ_ONLY)
                            .requires(NOTES_READ)
                            .handler(call -> ToolResult.text("created a note of "
                                    + call.arguments().string("content").length() + " characters"))
                            .build());
        }

        @Override
        public List<ResourceDefinition> resources() {
            return List.of(new ResourceDefinition("notes://settings", "settings", null, null, "application/json",
                    Set.of(NOTES_READ), request -> List.of(new ResourceContents.Text(request.uri(),
                    "application/json", "{}"))));
        }

        @Override
        public List<ResourceTemplateDefinition> resourceTemplates() {
            return List.of(new ResourceTemplateDefinition("notes://note/{id}", "note", null, null, "text/plain",
                    Set.of(NOTES_READ), request -> List.of(new ResourceContents.Text(request.uri(), "text/plain",
                    "note"))));
        }

        @Override
        public List<PromptDefinition> prompts() {
            return List.of(new PromptDefinition("notes_digest", null, null, List.of(), Set.of(NOTES_READ),
                    request -> new PromptResult(null, List.of())));
        }
    }

    static PluginRegistry registry() {
        return PluginRegistry.of(List.of(new Demo(), new Admin()));
    }

    /** The test caller: {@code subject-1}, Nextcloud user {@code alice}, the scopes of {@link #SCOPES_HEADER}. */
    static Caller caller(Headers headers) {
        String header = headers.first(HeaderNames.create(SCOPES_HEADER)).orElse("demo:read,demo:write");
        Set<Scope> scopes = Arrays.stream(header.split(","))
                .map(String::trim)
                .flatMap(s -> Scope.parse(s).stream())
                .collect(Collectors.toSet());
        return new Caller("subject-1", "alice", scopes);
    }

    static final CallerResolver CALLERS = (token, headers) -> AuthenticatedCaller.withoutToken(caller(headers));

    static final java.net.URI METADATA = java.net.URI.create("http://127.0.0.1/.well-known/oauth-protected-resource/mcp");

    /** The sidecar of most MCP tests: the demo and admin plugins, the test caller, no Nextcloud. */
    static Sidecar sidecar(McpSettings settings) {
        return sidecar(settings, registry(), CALLERS, FakeNextcloud.unreachable("Nextcloud is not reachable in tests"));
    }

    /** A sidecar of fakes at {@code http://127.0.0.1/mcp}, whose metadata is {@link #METADATA}. */
    public static Sidecar sidecar(McpSettings settings, PluginRegistry registry, CallerResolver callers,
                                  NextcloudAccess nextcloud) {
        return Sidecar.builder()
                .mcpUrl(java.net.URI.create("http://127.0.0.1/mcp"))
                .settings(settings)
                .registry(registry)
                .callers(callers)
                .nextcloud(nextcloud)
                .build();
    }

    /** The defaults, plus the host {@code DirectClient} sends ({@code @RoutingTest}: no socket, same checks). */
    public static McpSettings settings() {
        List<String> hosts = new ArrayList<>(McpSettings.LOCAL_HOSTS);
        hosts.add(DIRECT_CLIENT_HOST);
        return McpSettings.defaults("ncmcp-test", "1.2.3").withInstructions("Test instructions")
                .withAllowedHosts(hosts);
    }
}
