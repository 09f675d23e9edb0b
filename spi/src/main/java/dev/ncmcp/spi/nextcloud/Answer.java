package dev.ncmcp.spi.nextcloud;

import dev.ncmcp.spi.ToolException;
import jakarta.json.JsonValue;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Checks a Nextcloud answer: the expected statuses pass, anything else becomes the tool error of
 * {@link Refusal#toException} unless the tool says something more precise for a status.
 * <pre>{@code
 * NextcloudResponse saved = Answer.of(client.send(put))
 *         .about(file.path())
 *         .on(404, refusal -> ToolException.notFound("The folder " + parent + " does not exist. Create it first."))
 *         .current(() -> currentVersion(file))
 *         .expect(200, 201, 204);
 * }</pre>
 */
public final class Answer {

    /** Turns a refusal into the tool's own error for one status. */
    @FunctionalInterface
    public interface Mapping {
        ToolException map(Refusal refusal) throws ToolException;
    }

    private final NextcloudResponse response;
    private String subject = "this request";
    private final Map<Integer, Mapping> mappings = new HashMap<>();
    private Supplier<JsonValue> current = () -> null;

    private Answer(NextcloudResponse response) {
        this.response = Objects.requireNonNull(response, "response");
    }

    public static Answer of(NextcloudResponse response) {
        return new Answer(response);
    }

    /** What the request was about, as the model knows it ({@code note 12}, {@code /Projects/a.txt}). */
    public Answer about(String subject) {
        this.subject = Objects.requireNonNull(subject, "subject");
        return this;
    }

    /** The tool's own error for {@code status}; return null to fall back to the default mapping. */
    public Answer on(int status, Mapping mapping) {
        mappings.put(status, mapping);
        return this;
    }

    /** The object's current state, fetched only when a conflict (409, 412) needs it for the error's details. */
    public Answer current(Supplier<JsonValue> current) {
        this.current = Objects.requireNonNull(current, "current");
        return this;
    }

    /** The response when its status is one of {@code statuses}; otherwise the mapped tool error is thrown. */
    public NextcloudResponse expect(int... statuses) throws ToolException {
        for (int status : statuses) {
            if (response.status() == status) {
                return response;
            }
        }
        throw failure();
    }

    /** The tool error for this answer, whatever its status. */
    public ToolException failure() throws ToolException {
        Refusal refusal = Refusal.of(response);
        Mapping mapping = refusal.maintenance() ? null : mappings.get(response.status());
        if (mapping != null) {
            ToolException mapped = mapping.map(refusal);
            if (mapped != null) {
                return mapped;
            }
        }
        boolean conflict = response.status() == 409 || response.status() == 412 && !refusal.says("did not exist");
        return refusal.toException(subject, conflict ? current.get() : null);
    }
}
