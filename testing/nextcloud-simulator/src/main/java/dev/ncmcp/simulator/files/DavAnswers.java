package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.dav.SabreError;

import java.nio.charset.StandardCharsets;

/**
 * Answers and small rules shared by the WebDAV method handlers.
 */
final class DavAnswers {
    static final String ALLOW = "OPTIONS, GET, HEAD, DELETE, PROPFIND, PUT, PROPPATCH, COPY, MOVE, REPORT";

    private DavAnswers() {
    }

    static SimResponse options(NextcloudVersion version) {
        return SimResponse.status(200).header("Content-Type", SimResponse.HTML)
                .header("Allow", ALLOW).header("DAV", version.davComplianceClasses());
    }

    static SimResponse notImplemented(String method) {
        return SabreError.response(501, SabreError.NOT_IMPLEMENTED,
                "There was no plugin in the system that was willing to handle this " + method + " method.");
    }

    static SimResponse preconditionFailed(String message, String header) {
        return SabreError.response(412, SabreError.PRECONDITION_FAILED, message, header);
    }

    /** Sabre's message quirk: top-level names are reported with a double slash. */
    static SimResponse notFound(String relPath) {
        String shown = relPath.contains("/") ? "/" + relPath : "//" + relPath;
        return SabreError.response(404, SabreError.NOT_FOUND, "File with name " + shown + " could not be located");
    }

    static boolean etagListContains(String header, String etag) {
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(quoted(etag)) || c.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    static String quoted(String etag) {
        return "\"" + etag + "\"";
    }

    static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    static String contentDisposition(String name) {
        String encoded = encodePath(name).replace("/", "%2F");
        return "attachment; filename*=UTF-8''" + encoded + "; filename=\"" + name.replace("\"", "\\\"") + "\"";
    }
}
