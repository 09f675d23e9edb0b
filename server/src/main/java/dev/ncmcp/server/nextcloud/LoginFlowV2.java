package dev.ncmcp.server.nextcloud;

import dev.ncmcp.spi.ToolException.Kind;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Nextcloud's Login Flow v2: start a flow (the user opens the login URL and grants access in the
 * browser), poll until Nextcloud hands out an app password, and revoke an app password again.
 */
public final class LoginFlowV2 {

    private static final String INIT = "/index.php/login/v2";
    private static final String FLOW_PATH = "/index.php/login/v2/flow/";

    private final NextcloudClientFactory factory;
    private final Optional<URI> publicUrl;

    /**
     * @param factory   reaches Nextcloud as the sidecar does (possibly an internal address)
     * @param publicUrl Nextcloud's URL as users' browsers reach it; login URLs are rewritten to it
     */
    public LoginFlowV2(NextcloudClientFactory factory, Optional<URI> publicUrl) {
        this.factory = factory;
        this.publicUrl = publicUrl;
    }

    /** A started flow: the secret poll token and the URL the user must open. */
    public record Started(String pollToken, String pollPath, String loginUrl) {
        @Override
        public String toString() {
            return "Started[loginUrl=" + loginUrl + "]";
        }
    }

    /** What Nextcloud hands out once the user granted access. */
    public record Credentials(String loginName, String appPassword) {
        @Override
        public String toString() {
            return "Credentials[loginName=" + loginName + "]";
        }
    }

    public Started start() throws NextcloudException {
        NextcloudResponse response = factory.anonymous().send(NextcloudRequest.post(INIT)
                .header("Accept", "application/json").build());
        if (response.status() != 200) {
            throw new NextcloudException(Kind.UPSTREAM_ERROR, "Nextcloud refused to start Login Flow v2 (HTTP "
                    + response.status() + " on POST " + INIT + ").");
        }
        JsonValue json = response.json();
        if (!(json instanceof JsonObject body) || !(body.get("poll") instanceof JsonObject poll)
                || !poll.containsKey("token") || !poll.containsKey("endpoint") || !body.containsKey("login")) {
            throw new NextcloudException(Kind.UPSTREAM_ERROR, "Nextcloud answered POST " + INIT
                    + " without the poll token and login URL of Login Flow v2.");
        }
        String endpoint = poll.getString("endpoint");
        String pollPath = URI.create(endpoint).getRawPath();
        return new Started(poll.getString("token"), pollPath, publicLoginUrl(body.getString("login")));
    }

    /** The app password once granted; empty while the user has not granted yet (or the flow is gone). */
    public Optional<Credentials> poll(Started flow) throws NextcloudException {
        return poll(flow.pollToken(), flow.pollPath());
    }

    public Optional<Credentials> poll(String pollToken, String pollPath) throws NextcloudException {
        byte[] form = ("token=" + URLEncoder.encode(pollToken, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        NextcloudResponse response = factory.anonymous().send(NextcloudRequest.post(pollPath)
                .body(form, "application/x-www-form-urlencoded").header("Accept", "application/json").build());
        if (response.status() == 404) {
            return Optional.empty();
        }
        if (response.status() != 200 || !(response.json() instanceof JsonObject body)
                || !body.containsKey("loginName") || !body.containsKey("appPassword")) {
            throw new NextcloudException(Kind.UPSTREAM_ERROR, "Nextcloud answered the Login Flow v2 poll with HTTP "
                    + response.status() + " and no app password.");
        }
        return Optional.of(new Credentials(body.getString("loginName"), body.getString("appPassword")));
    }

    /**
     * Deletes the app password in Nextcloud (authenticated with that very password). An app password
     * Nextcloud no longer accepts counts as revoked.
     */
    public void revoke(String loginName, String appPassword) throws NextcloudException {
        NextcloudClient client = factory.appPassword(loginName, appPassword);
        try {
            client.ocs("DELETE", "/ocs/v2.php/core/apppassword", null);
        } catch (NextcloudException e) {
            if (e.kind() != Kind.AUTHENTICATION) {
                throw e;
            }
        }
    }

    /** The login URL on Nextcloud's public address (the sidecar may reach Nextcloud internally). */
    String publicLoginUrl(String loginUrl) {
        if (publicUrl.isEmpty()) {
            return loginUrl;
        }
        int flow = loginUrl.indexOf(FLOW_PATH);
        if (flow < 0) {
            return loginUrl;
        }
        String base = publicUrl.get().toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + loginUrl.substring(flow);
    }
}
