package dev.ncmcp.server.nextcloud;

import dev.ncmcp.spi.ToolException.Kind;
import dev.ncmcp.spi.nextcloud.DavEntry;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link NextcloudClient} bound to one user's credential, which is resolved when the client first sends. Cheap to
 * create; shares the HTTP client.
 */
final class HttpNextcloudClient implements NextcloudClient {

    private final NextcloudHttp http;
    private final PrincipalDirectory principals;
    private final String login;
    private final Credential credential;
    private volatile String authorization;

    HttpNextcloudClient(NextcloudHttp http, PrincipalDirectory principals, String login, Credential credential) {
        this.http = http;
        this.principals = principals;
        this.login = login;
        this.credential = credential;
    }

    /** The credential, resolved once it worked; a failure is thrown again on the next try. */
    private String authorization() throws NextcloudException {
        String resolved = authorization;
        if (resolved == null) {
            synchronized (this) {
                resolved = authorization;
                if (resolved == null) {
                    resolved = credential.authorization();
                    authorization = resolved;
                }
            }
        }
        return resolved;
    }

    @Override
    public String baseUrl() {
        return http.baseUrl();
    }

    @Override
    public String loginName() {
        return login;
    }

    @Override
    public NextcloudResponse send(NextcloudRequest request) throws NextcloudException {
        String authorization = authorization();
        return http.send(withOcsHeaderForBearer(request, authorization), authorization, login);
    }

    /**
     * Nextcloud answers a Bearer request to an app route without {@code OCS-APIREQUEST: true} with
     * "CORS requires basic auth" (captured on NC31), so bearer clients always send it.
     */
    private static NextcloudRequest withOcsHeaderForBearer(NextcloudRequest request, String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ") || request.header("OCS-APIREQUEST") != null) {
            return request;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put("OCS-APIREQUEST", List.of("true"));
        return new NextcloudRequest(request.method(), request.path(), request.query(), headers, request.body());
    }

    @Override
    public String filesRoot() throws NextcloudException {
        return principals.filesRoot(this);
    }

    @Override
    public List<DavEntry> multistatus(NextcloudResponse response) throws NextcloudException {
        if (response.status() != 207) {
            throw new NextcloudException(Kind.UPSTREAM_ERROR, "expected a WebDAV Multi-Status (207) but Nextcloud "
                    + "answered HTTP " + response.status());
        }
        try {
            return Multistatus.parse(SafeXml.parse(response.body()));
        } catch (SAXException | IOException e) {
            throw new NextcloudException(Kind.UPSTREAM_ERROR, "Nextcloud sent a Multi-Status that is not valid XML", e);
        }
    }

    @Override
    public JsonValue ocs(String method, String path, JsonObject body) throws NextcloudException {
        NextcloudRequest.Builder request = NextcloudRequest.builder(method, path)
                .query("format", "json")
                .header("OCS-APIREQUEST", "true")
                .header("Accept", "application/json");
        if (body != null) {
            request.json(body);
        }
        NextcloudResponse response = send(request.build());
        JsonValue json = response.json();
        if (!(json instanceof JsonObject root) || !(root.get("ocs") instanceof JsonObject ocs)
                || !(ocs.get("meta") instanceof JsonObject meta)) {
            throw new NextcloudException(Kind.UPSTREAM_ERROR, "Nextcloud answered " + method + " " + path
                    + " (HTTP " + response.status() + ") without an OCS envelope");
        }
        String status = meta.getString("status", "");
        if ("ok".equals(status)) {
            return ocs.getOrDefault("data", JsonValue.NULL);
        }
        int code = meta.getInt("statuscode", response.status());
        String message = meta.getString("message", "");
        throw new NextcloudException(ocsKind(code), "Nextcloud refused " + method + " " + path + " (OCS status "
                + code + (message.isBlank() ? "" : ": " + message.strip()) + ")");
    }

    private static Kind ocsKind(int code) {
        return switch (code) {
            case 400 -> Kind.INVALID_ARGUMENT;
            case 403 -> Kind.PERMISSION_DENIED;
            case 404, 998 -> Kind.NOT_FOUND;
            case 997 -> Kind.AUTHENTICATION;
            case 409, 412 -> Kind.CONFLICT;
            default -> Kind.UPSTREAM_ERROR;
        };
    }

    @Override
    public String toString() {
        return "NextcloudClient[" + login + "@" + baseUrl() + "]";
    }
}
