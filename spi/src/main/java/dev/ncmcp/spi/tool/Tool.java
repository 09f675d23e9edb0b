package dev.ncmcp.spi.tool;

import dev.ncmcp.spi.Content;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.ToolResult;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Declares a tool from two records: the argument record gives the input schema and the typed values the handler
 * receives; the result record gives the output schema and the {@code structuredContent}. Both schemas are derived
 * once, here, so they cannot drift from the code. The server validates the arguments against the input schema
 * before the handler runs: a handler never re-checks what the schema (its annotations) states.
 *
 * <pre>{@code
 * record GetNote(@Description("Note id") @Range(min = 1) long id) {}
 *
 * Tool.define("nc_notes_get_note", GetNote.class, NoteView.class)
 *         .title("Get note")
 *         .description("Returns one note in full …")
 *         .annotations(ToolAnnotations.READ_ONLY)
 *         .requires(READ)
 *         .handler((args, call) -> api(call).get(args.id()).view());
 * }</pre>
 *
 * An argument is required unless it is {@code Optional}, has a {@link Default}, or is a {@code List}, {@code Set}
 * or {@code Map} (left out, it is empty). Every component of both records needs a {@link Description}.
 * Annotations have no default: a tool without them fails when the plugin loads.
 *
 * @param <A> the argument record ({@link NoArguments} for none)
 * @param <R> the result record
 */
public final class Tool<A extends Record, R extends Record> {

    /** Runs the tool with typed arguments; returns the structured result. */
    @FunctionalInterface
    public interface Handler<A, R> {
        R call(A arguments, ToolInvocation invocation) throws ToolException;
    }

    /** Runs the tool and chooses the content blocks itself (file text, images, embedded resources). */
    @FunctionalInterface
    public interface ReplyHandler<A, R extends Record> {
        Reply<R> call(A arguments, ToolInvocation invocation) throws ToolException;
    }

    private final String name;
    private final Class<A> arguments;
    private final Class<R> result;
    private String title;
    private String description;
    private ToolAnnotations annotations;
    private final Set<Scope> scopes = new TreeSet<>();
    private Function<? super R, String> summary;

    private Tool(String name, Class<A> arguments, Class<R> result) {
        this.name = Objects.requireNonNull(name, "name");
        this.arguments = Objects.requireNonNull(arguments, "arguments");
        this.result = Objects.requireNonNull(result, "result");
    }

    public static <A extends Record, R extends Record> Tool<A, R> define(String name, Class<A> arguments,
                                                                         Class<R> result) {
        return new Tool<>(name, arguments, result);
    }

    public Tool<A, R> title(String title) {
        this.title = title;
        return this;
    }

    public Tool<A, R> description(String description) {
        this.description = description;
        return this;
    }

    /** Required: how the tool behaves ({@link ToolAnnotations#READ_ONLY} and the other constants, or your own). */
    public Tool<A, R> annotations(ToolAnnotations annotations) {
        this.annotations = annotations;
        return this;
    }

    public Tool<A, R> requires(Scope... scopes) {
        this.scopes.addAll(List.of(scopes));
        return this;
    }

    /**
     * The text block models that do not read {@code structuredContent} see; without it they see the result as
     * JSON text, as the specification suggests.
     */
    public Tool<A, R> summary(Function<? super R, String> summary) {
        this.summary = summary;
        return this;
    }

    /** Completes the declaration with a handler that returns the result. */
    public ToolDefinition handler(Handler<? super A, ? extends R> handler) {
        Objects.requireNonNull(handler, () -> "tool " + name + ": handler");
        Schemas schemas = schemas();
        return definition(schemas, invocation -> {
            R value = handler.call(bind(schemas, invocation), invocation);
            JsonValue structured = write(schemas, value);
            String text = summary != null ? summary.apply(value) : structured.toString();
            return new ToolResult(List.of(new Content.Text(text)), structured, false);
        });
    }

    /** Completes the declaration with a handler that also chooses the content blocks. */
    public ToolDefinition handlerWithContent(ReplyHandler<? super A, R> handler) {
        Objects.requireNonNull(handler, () -> "tool " + name + ": handler");
        Schemas schemas = schemas();
        return definition(schemas, invocation -> {
            Reply<R> reply = handler.call(bind(schemas, invocation), invocation);
            if (reply == null) {
                throw new IllegalStateException("tool " + name + " returned no reply");
            }
            return new ToolResult(reply.content(), write(schemas, reply.value()), false);
        });
    }

    private record Schemas(RecordCodec input, RecordCodec output) {
    }

    private Schemas schemas() {
        try {
            return new Schemas(RecordCodec.of(arguments, Codecs.Side.ARGUMENTS, RecordCodec.fresh()),
                    RecordCodec.of(result, Codecs.Side.RESULT, RecordCodec.fresh()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tool " + name + ": " + e.getMessage(), e);
        }
    }

    private ToolDefinition definition(Schemas schemas, dev.ncmcp.spi.ToolHandler handler) {
        return new ToolDefinition(name, title, description, schemas.input().objectSchema(),
                schemas.output().objectSchema(), annotations, scopes, handler);
    }

    private A bind(Schemas schemas, ToolInvocation invocation) throws ToolException {
        return arguments.cast(schemas.input().readArguments(invocation.arguments().json()));
    }

    private JsonValue write(Schemas schemas, R value) {
        if (value == null) {
            throw new IllegalStateException("tool " + name + " returned no result");
        }
        return schemas.output().write(value);
    }
}
