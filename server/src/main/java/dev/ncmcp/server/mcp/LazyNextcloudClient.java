package dev.ncmcp.server.mcp;

import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Asks {@link NextcloudAccess} for a client only when a tool actually talks to Nextcloud. */
final class LazyNextcloudClient implements NextcloudClient {
    @FunctionalInterface
    interface Source {
        NextcloudClient get() throws NextcloudException;
    }

    private final Source source;
    private final String loginName;
    private NextcloudClient delegate;

    LazyNextcloudClient(Source source, String loginName) {
        this.source = source;
        this.loginName = loginName;
    }

    private synchronized NextcloudClient delegate() throws NextcloudException {
        if (delegate == null) {
            delegate = source.get();
        }
        return delegate;
    }

    @Override
    public String baseUrl() {
        try {
            return delegate().baseUrl();
        } catch (NextcloudException e) {
            throw new IllegalStateException("Nextcloud is not available: " + e.getMessage(), e);
        }
    }

    @Override
    public String loginName() {
        return loginName;
    }

    @Override
    public NextcloudResponse send(NextcloudRequest request) throws NextcloudException {
        return delegate().send(request);
    }

    @Override
    public String filesRoot() throws NextcloudException {
        return delegate().filesRoot();
    }

    @Override
    public String principal() throws NextcloudException {
        return delegate().principal();
    }

    @Override
    public String calendarHome() throws NextcloudException {
        return delegate().calendarHome();
    }

    @Override
    public String addressBookHome() throws NextcloudException {
        return delegate().addressBookHome();
    }

    @Override
    public JsonValue ocs(String method, String path, JsonObject body) throws NextcloudException {
        return delegate().ocs(method, path, body);
    }

    @Override
    public JsonObject capabilities() throws NextcloudException {
        return delegate().capabilities();
    }
}
