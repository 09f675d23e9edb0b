package dev.ncmcp.spi.nextcloud;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolException.Kind;
import dev.ncmcp.spi.xml.QName;
import dev.ncmcp.spi.xml.SafeXml;
import dev.ncmcp.spi.xml.XmlElement;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Locale;
import java.util.Optional;

/**
 * Why Nextcloud refused a request, read from its answer: the status, Nextcloud's own sentence (Sabre's
 * {@code <s:message>}, a JSON {@code message}/{@code msg}, the OCS {@code meta.message}) and the exception class it
 * named (Sabre's {@code <s:exception>}, an app's {@code errorType}). {@link #toException} is the one mapping from a
 * refusal to a tool error with a sentence the model can act on.
 *
 * @param status      the HTTP status
 * @param reason      Nextcloud's sentence, cleaned of control characters and cut to {@value #MAX_REASON} characters
 * @param exception   the exception class Nextcloud named, e.g. {@code OCP\Lock\LockedException}
 * @param maintenance whether Nextcloud said it is in maintenance mode
 */
public record Refusal(int status, Optional<String> reason, Optional<String> exception, boolean maintenance) {

    static final int MAX_REASON = 300;
    private static final QName SABRE_MESSAGE = new QName(QName.SABRE, "message");
    private static final QName SABRE_EXCEPTION = new QName(QName.SABRE, "exception");

    /** Reads a refusal from any answer (Sabre XML, JSON, OCS envelope, or a body without anything useful). */
    public static Refusal of(NextcloudResponse response) {
        Optional<String> reason = Optional.empty();
        Optional<String> exception = Optional.empty();
        byte[] body = response.body();
        int first = firstNonBlank(body);
        if (first >= 0 && body[first] == '<') {
            Optional<XmlElement> error = SafeXml.tree(body).filter(root -> root.is(QName.dav("error")));
            reason = error.flatMap(root -> root.childText(SABRE_MESSAGE));
            exception = error.flatMap(root -> root.childText(SABRE_EXCEPTION));
        } else if (first >= 0 && (body[first] == '{' || body[first] == '[')) {
            JsonValue json = parseQuietly(response);
            if (json instanceof JsonObject object) {
                reason = text(object, "message").or(() -> text(object, "msg")).or(() -> ocsMessage(object));
                exception = text(object, "errorType").or(() -> text(object, "exception"));
            }
        }
        boolean maintenance = response.header("X-Nextcloud-Maintenance-Mode").isPresent()
                || exception.filter(name -> name.endsWith("ServerMaintenanceMode")).isPresent();
        return new Refusal(response.status(), reason.map(Refusal::clean).filter(s -> !s.isEmpty()),
                exception.map(Refusal::clean).filter(s -> !s.isEmpty()), maintenance);
    }

    /** Whether Nextcloud's sentence contains {@code text}, ignoring case. */
    public boolean says(String text) {
        return reason.map(r -> r.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))).orElse(false);
    }

    /** Whether the named exception class ends with {@code simpleName}, e.g. {@code LockedException}. */
    public boolean threw(String simpleName) {
        return exception.map(name -> name.endsWith(simpleName)).orElse(false);
    }

    /**
     * The tool error for this refusal.
     *
     * @param subject what the request was about, as the model knows it: {@code note 12}, {@code /Projects/a.txt}
     * @param current the object's current state for a conflict's details (412, 409), or null
     */
    public ToolException toException(String subject, JsonValue current) {
        String what = capitalised(subject);
        String because = reason.map(r -> ": " + r + (r.endsWith(".") ? "" : ".")).orElse(".");
        if (maintenance) {
            return new ToolException(Kind.UNAVAILABLE, "Nextcloud is in maintenance mode (HTTP " + status
                    + "). Try again after the maintenance ends.");
        }
        return switch (status) {
            case 400 -> ToolException.invalidArgument("Nextcloud rejected the request for " + subject
                    + reason.map(r -> ": " + r + (r.endsWith(".") ? "" : ".")).orElse(" (HTTP 400)."));
            case 401 -> new ToolException(Kind.AUTHENTICATION, "Nextcloud rejected the credentials (HTTP 401).");
            case 403 -> ToolException.permissionDenied("Nextcloud does not allow this on " + subject
                    + " for this user (HTTP 403)" + because + " It may be read-only or shared without this permission.");
            case 404 -> ToolException.notFound(what + " does not exist.");
            case 409 -> ToolException.conflict("Nextcloud refused the change to " + subject + " (HTTP 409)" + because,
                    current);
            case 412 -> says("did not exist")
                    ? ToolException.notFound(what + " does not exist, so it cannot be changed at a given version "
                    + "(etag). Leave out the etag to create it.")
                    : ToolException.conflict(what + " has changed since it was read (its etag no longer matches). "
                    + "Nothing was changed. Read it again, merge your change and retry with the new etag.", current);
            case 413 -> ToolException.tooLarge("Nextcloud refused the content for " + subject
                    + " as too large (HTTP 413)" + because);
            case 415 -> ToolException.invalidArgument("Nextcloud cannot accept this for " + subject + " (HTTP 415)"
                    + because);
            case 423 -> new ToolException(Kind.LOCKED, what + " is locked (HTTP 423): it is being changed elsewhere "
                    + "right now. Nothing was changed; try again in a moment.");
            case 429 -> new ToolException(Kind.UNAVAILABLE, "Nextcloud is rate-limiting this user (HTTP 429). "
                    + "Try again later.");
            case 501 -> ToolException.upstream("This Nextcloud does not support the request for " + subject
                    + " (HTTP 501)" + because);
            case 507 -> new ToolException(Kind.QUOTA_EXCEEDED, "Not enough storage space for " + subject
                    + " (HTTP 507)" + because + " Free some space (empty the trash bin) or ask an administrator to "
                    + "raise the quota.");
            default -> status >= 500
                    ? new ToolException(Kind.UNAVAILABLE, "Nextcloud is unavailable: HTTP " + status + " for "
                    + subject + because)
                    : ToolException.upstream("Nextcloud answered HTTP " + status + " for " + subject
                    + ", which was not expected" + because);
        };
    }

    private static String capitalised(String subject) {
        return subject.isEmpty() || !Character.isLowerCase(subject.charAt(0)) ? subject
                : Character.toUpperCase(subject.charAt(0)) + subject.substring(1);
    }

    private static Optional<String> ocsMessage(JsonObject object) {
        if (object.get("ocs") instanceof JsonObject ocs && ocs.get("meta") instanceof JsonObject meta) {
            return text(meta, "message");
        }
        return Optional.empty();
    }

    private static Optional<String> text(JsonObject object, String key) {
        return object.get(key) instanceof JsonString value ? Optional.of(value.getString()) : Optional.empty();
    }

    private static JsonValue parseQuietly(NextcloudResponse response) {
        try {
            return response.json();
        } catch (NextcloudException e) {
            return null;
        }
    }

    private static int firstNonBlank(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if (!Character.isWhitespace(body[i])) {
                return i;
            }
        }
        return -1;
    }

    /** One line of printable text, never longer than {@value #MAX_REASON} characters. */
    private static String clean(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_REASON));
        for (int i = 0; i < text.length() && out.length() < MAX_REASON; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        String cleaned = out.toString().strip().replaceAll(" {2,}", " ");
        return text.length() > MAX_REASON ? cleaned + "…" : cleaned;
    }
}
