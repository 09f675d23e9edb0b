package dev.ncmcp.spi.tool;

import dev.ncmcp.spi.Arguments;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.Content;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.ToolResult;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolTest {

    static final Scope READ = Scope.read("demo");

    enum Kind { FILE, DIRECTORY, @Name("link-share") LINK_SHARE }

    record Search(@Description("Words to find") @Length(min = 1, max = 200) String query,
                  @Description("Most results") @Range(min = 1, max = 50) @Default("10") int limit,
                  @Description("Only this kind") Optional<Kind> kind,
                  @Description("Tags to match") @Length(max = 5) List<String> tags,
                  @Description("Since when") Optional<Instant> since) {
    }

    record Hit(@Description("Title") String title, @Description("Kind") Kind kind,
               @Description("Version") Optional<String> etag, @Description("Scores") List<Integer> scores) {
    }

    record Hits(@Description("The hits") List<Hit> hits, @Description("How many") int total) {
    }

    record Pair(@Description("a") Optional<String> a, @Description("b") Optional<String> b) {
        Pair {
            if (a.isPresent() == b.isPresent()) {
                throw new IllegalArgumentException("Give exactly one of 'a' and 'b'.");
            }
        }
    }

    record Echo(@Description("a or b") String value) {
    }

    private static ToolDefinition search() {
        return Tool.define("demo_search", Search.class, Hits.class)
                .title("Search").description("Searches")
                .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                .summary(hits -> hits.total() + " hit(s)")
                .handler((args, call) -> new Hits(List.of(new Hit(args.query() + "/" + args.limit(),
                        args.kind().orElse(Kind.FILE), Optional.empty(), List.of(args.tags().size()))), 1));
    }

    @Test
    void theArgumentRecordIsTheInputSchema() {
        JsonObject expected = json("""
                {"type":"object","properties":{
                  "query":{"type":"string","description":"Words to find","minLength":1,"maxLength":200},
                  "limit":{"type":"integer","description":"Most results","minimum":1,"maximum":50,"default":10},
                  "kind":{"type":"string","enum":["file","directory","link-share"],"description":"Only this kind"},
                  "tags":{"type":"array","items":{"type":"string"},"description":"Tags to match","maxItems":5,"default":[]},
                  "since":{"type":"string","format":"date-time","description":"Since when"}},
                 "required":["query"],"additionalProperties":false}""");
        assertEquals(expected, search().inputSchema());
    }

    @Test
    void theResultRecordIsTheOutputSchema() {
        JsonObject expected = json("""
                {"type":"object","properties":{
                  "hits":{"type":"array","items":{"type":"object","properties":{
                     "title":{"type":"string","description":"Title"},
                     "kind":{"type":"string","enum":["file","directory","link-share"],"description":"Kind"},
                     "etag":{"type":"string","description":"Version"},
                     "scores":{"type":"array","items":{"type":"integer"},"description":"Scores"}},
                     "required":["title","kind","scores"]},"description":"The hits"},
                  "total":{"type":"integer","description":"How many"}},
                 "required":["hits","total"]}""");
        assertEquals(expected, search().outputSchema());
    }

    @Test
    void theHandlerGetsTypedValuesWithDefaultsAndTheResultIsStructured() throws ToolException {
        ToolResult result = call(search(), "{\"query\":\"zebra\",\"kind\":\"link-share\",\"tags\":[\"a\",\"b\"]}");
        assertEquals(json("{\"hits\":[{\"title\":\"zebra/10\",\"kind\":\"link-share\",\"scores\":[2]}],\"total\":1}"),
                result.structuredContent());
        assertEquals(List.of(new Content.Text("1 hit(s)")), result.content());
        assertFalse(result.isError());
    }

    @Test
    void wrongTypesAndUnknownArgumentsAreArgumentErrorsNamingTheArgument() {
        ToolDefinition tool = search();
        ToolException wrongType = assertThrows(ToolException.class, () -> call(tool, "{\"query\":5,\"tags\":[]}"));
        assertEquals(ToolException.Kind.INVALID_ARGUMENT, wrongType.kind());
        assertTrue(wrongType.getMessage().contains("'query'"), wrongType.getMessage());
        ToolException nested = assertThrows(ToolException.class, () -> call(tool, "{\"query\":\"q\",\"tags\":[\"a\",1]}"));
        assertTrue(nested.getMessage().contains("'tags[1]'"), nested.getMessage());
        ToolException unknown = assertThrows(ToolException.class, () -> call(tool, "{\"query\":\"q\",\"tags\":[],\"x\":1}"));
        assertTrue(unknown.getMessage().contains("'x'"), unknown.getMessage());
        ToolException missing = assertThrows(ToolException.class, () -> call(tool, "{\"limit\":3}"));
        assertTrue(missing.getMessage().contains("'query' is required"), missing.getMessage());
    }

    @Test
    void theArgumentRecordsConstructorStatesWhatTheSchemaCannot() {
        ToolDefinition tool = Tool.define("demo_pair", Pair.class, Echo.class).title("Pair").description("Pair")
                .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                .handler((args, call) -> new Echo(args.a().or(args::b).orElseThrow()));
        ToolException both = assertThrows(ToolException.class, () -> call(tool, "{\"a\":\"x\",\"b\":\"y\"}"));
        assertEquals("Give exactly one of 'a' and 'b'.", both.getMessage());
    }

    @Test
    void aToolWithoutAnnotationsFailsToLoad() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                Tool.define("demo_x", Echo.class, Echo.class).title("X").description("X").requires(READ)
                        .handler((args, call) -> args));
        assertTrue(e.getMessage().contains("demo_x") && e.getMessage().contains("annotations"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ToolDefinition.builder("demo_y").title("Y").description("Y")
                .inputSchema("{\"type\":\"object\"}").requires(READ).handler(call -> null).build());
    }

    record Undocumented(String value) {
    }

    record BadRange(@Description("x") @Range(min = 1) String value) {
    }

    record Self(@Description("x") Optional<Self> self) {
    }

    @Test
    void declarationMistakesFailAtLoadNamingToolAndComponent() {
        IllegalArgumentException undocumented = assertThrows(IllegalArgumentException.class, () -> define(Undocumented.class));
        assertTrue(undocumented.getMessage().contains("demo_bad: Undocumented.value"), undocumented.getMessage());
        assertTrue(undocumented.getMessage().contains("@Description"), undocumented.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> define(BadRange.class)).getMessage()
                .contains("@Range"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> define(Self.class)).getMessage()
                .contains("contains itself"));
    }

    @Test
    void aNullResultComponentIsAProgrammingErrorNotAnOmission() {
        ToolDefinition tool = Tool.define("demo_null", NoArguments.class, Echo.class).title("N").description("N")
                .annotations(ToolAnnotations.READ_ONLY).requires(READ).handler((args, call) -> new Echo(null));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> call(tool, "{}"));
        assertTrue(e.getMessage().contains("Echo.value is null"), e.getMessage());
    }

    @Test
    void aReplyChoosesTheContentBlocks() throws ToolException {
        ToolDefinition tool = Tool.define("demo_reply", NoArguments.class, Echo.class).title("R").description("R")
                .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                .handlerWithContent((args, call) -> Reply.of(new Echo("v"), new Content.Text("the file text")));
        ToolResult result = call(tool, "{}");
        assertEquals(List.of(new Content.Text("the file text")), result.content());
        assertEquals(json("{\"value\":\"v\"}"), result.structuredContent());
        assertEquals(json("{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}"), tool.inputSchema());
    }

    @Test
    void pagesCutAListAndHandOutOpaqueCursors() throws ToolException {
        List<Integer> all = List.of(1, 2, 3, 4, 5);
        Page<Integer> first = Page.of(all, Optional.empty(), 2);
        assertEquals(List.of(1, 2), first.items());
        assertEquals(5, first.total());
        assertTrue(first.truncated());
        Page<Integer> last = Page.of(all, Page.of(all, first.nextCursor(), 2).nextCursor(), 2);
        assertEquals(List.of(5), last.items());
        assertFalse(last.truncated());
        ToolException garbage = assertThrows(ToolException.class, () -> Page.of(all, Optional.of("nonsense!"), 2));
        assertTrue(garbage.getMessage().contains("'cursor'"), garbage.getMessage());
    }

    private static void define(Class<? extends Record> arguments) {
        Tool.define("demo_bad", arguments, Echo.class).title("B").description("B")
                .annotations(ToolAnnotations.READ_ONLY).requires(READ).handler((args, call) -> new Echo("x"));
    }

    static ToolResult call(ToolDefinition tool, String arguments) throws ToolException {
        JsonObject args = json(arguments);
        return tool.handler().call(new ToolInvocation() {
            public Arguments arguments() {
                return new Arguments(args);
            }

            public NextcloudClient nextcloud() {
                throw new UnsupportedOperationException();
            }

            public Caller caller() {
                return new Caller("alice", "alice", Set.of(READ));
            }
        });
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

}
