package dev.ncmcp.simulator.dav;

import dev.ncmcp.simulator.SimResponse;

/**
 * The XML error body of a Sabre exception, as {@code Sabre\DAV\Server} writes it (a formatted
 * {@code DOMDocument}): {@code d:error} with {@code s:exception}, {@code s:message} and whatever the
 * exception's {@code serialize()} adds.
 */
public final class SabreError {
    public static final String BAD_REQUEST = "Sabre\\DAV\\Exception\\BadRequest";
    public static final String CONFLICT = "Sabre\\DAV\\Exception\\Conflict";
    public static final String FORBIDDEN = "Sabre\\DAV\\Exception\\Forbidden";
    public static final String INSUFFICIENT_STORAGE = "Sabre\\DAV\\Exception\\InsufficientStorage";
    public static final String INVALID_PATH = "OCA\\DAV\\Connector\\Sabre\\Exception\\InvalidPath";
    public static final String METHOD_NOT_ALLOWED = "Sabre\\DAV\\Exception\\MethodNotAllowed";
    public static final String NOT_AUTHENTICATED = "Sabre\\DAV\\Exception\\NotAuthenticated";
    public static final String NOT_FOUND = "Sabre\\DAV\\Exception\\NotFound";
    public static final String NOT_IMPLEMENTED = "Sabre\\DAV\\Exception\\NotImplemented";
    public static final String PRECONDITION_FAILED = "Sabre\\DAV\\Exception\\PreconditionFailed";
    public static final String REPORT_NOT_SUPPORTED = "Sabre\\DAV\\Exception\\ReportNotSupported";
    public static final String UNSUPPORTED_MEDIA_TYPE = "Sabre\\DAV\\Exception\\UnsupportedMediaType";

    private SabreError() {
    }

    public static SimResponse response(int status, String exception, String message) {
        return SimResponse.xml(status, head(exception, message) + "</d:error>\n");
    }

    /** A {@code PreconditionFailed}-style error naming the failed header ({@code <s:header>}). */
    public static SimResponse response(int status, String exception, String message, String header) {
        return SimResponse.xml(status, head(exception, message)
                + "  " + element("s:header", header) + "\n</d:error>\n");
    }

    /**
     * Nextcloud's {@code InvalidPath} (400): its {@code serialize()} declares {@code xmlns:o} on the
     * error element and then adds {@code o:retry} and {@code o:reason} in the namespace {@code "o:"},
     * which libxml declares again on each element ({@code apps/dav/lib/Connector/Sabre/Exception/InvalidPath.php}).
     */
    public static SimResponse invalidPath(String reason) {
        return SimResponse.xml(400, head(INVALID_PATH, reason, " xmlns:o=\"http://owncloud.org/ns\"")
                + "  <o:retry xmlns:o=\"o:\">false</o:retry>\n"
                + "  " + (reason.isEmpty() ? "<o:reason xmlns:o=\"o:\"/>" : "<o:reason xmlns:o=\"o:\">" + text(reason)
                + "</o:reason>") + "\n</d:error>\n");
    }

    static String head(String exception, String message) {
        return head(exception, message, "");
    }

    /** The opening of the body; {@code extraNamespaces} are attributes set on {@code d:error}. */
    static String head(String exception, String message, String extraNamespaces) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<d:error xmlns:d=\"DAV:\" xmlns:s=\"http://sabredav.org/ns\"" + extraNamespaces + ">\n"
                + "  " + element("s:exception", exception) + "\n"
                + "  " + element("s:message", message) + "\n";
    }

    /** An element as libxml prints it: self-closing when empty. */
    static String element(String tag, String text) {
        return text.isEmpty() ? "<" + tag + "/>" : "<" + tag + ">" + text(text) + "</" + tag + ">";
    }

    /** Text content as libxml escapes it: quotes stay as they are (unlike sabre/xml's multistatus writer). */
    static String text(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;");
    }
}
