package dev.ncmcp.server.nextcloud;

import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
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
    public String principal() throws NextcloudException {
        return principals.principal(this);
    }

    @Override
    public String calendarHome() throws NextcloudException {
        return principals.calendarHome(this);
    }

    @Override
    public String addressBookHome() throws NextcloudException {
        return principals.addressBookHome(this);
    }

    @Override
    public String toString() {
        return "NextcloudClient[" + login + "@" + baseUrl() + "]";
    }
}
