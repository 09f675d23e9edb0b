package dev.ncmcp.simulator.ocs;

import dev.ncmcp.simulator.Accounts;
import dev.ncmcp.simulator.BasicAuth;
import dev.ncmcp.simulator.Hashes;
import dev.ncmcp.simulator.Maintenance;
import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.simulator.PathSegments;
import dev.ncmcp.simulator.PhpJson;
import dev.ncmcp.simulator.Routes;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.SimulatorApp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * OCS endpoints ({@code /ocs/v1.php/…}, {@code /ocs/v2.php/…}): capabilities, current user, app
 * password revocation; plus {@code status.php}.
 */
public final class OcsApp implements SimulatorApp {
    private final NextcloudVersion version;
    private final BasicAuth auth;
    private final Accounts accounts;
    private final Supplier<String> hostPort;
    private final Maintenance maintenance;

    public OcsApp(NextcloudVersion version, BasicAuth auth, Accounts accounts, Supplier<String> hostPort,
                  Maintenance maintenance) {
        this.version = version;
        this.auth = auth;
        this.accounts = accounts;
        this.hostPort = hostPort;
        this.maintenance = maintenance;
    }

    @Override
    public void register(Routes routes) {
        routes.prefix("/ocs/v1.php", this::handle)
                .prefix("/ocs/v2.php", this::handle)
                .exact("/status.php", this::status);
    }

    /** The answer of the OCS entry point in maintenance mode ({@code errors/21-maintenance-ocs.http}). */
    public static SimResponse maintenanceAnswer(SimRequest request) {
        return OcsEnvelope.forRequest(request).failure(503, "Service unavailable")
                .header("X-Nextcloud-Maintenance-Mode", "1");
    }

    private SimResponse handle(SimRequest request) {
        OcsEnvelope ocs = OcsEnvelope.forRequest(request);
        BasicAuth.Result who = auth.authenticate(request);
        Optional<SimResponse> refused = OcsGate.refusal(request, who, version);
        if (refused.isPresent()) {
            return refused.get();
        }
        String route = request.path().replaceFirst("^/ocs/v[12]\\.php", "");
        List<String> parts = PathSegments.of(route);
        String method = request.method();
        if (method.equals("GET") && parts.equals(List.of("cloud", "capabilities"))) {
            return capabilities(ocs, who.ok());
        }
        if (!who.ok() && knownRoute(method, parts)) {
            return ocs.failure(997, "Current user is not logged in");
        }
        if (method.equals("GET") && parts.equals(List.of("cloud", "user"))) {
            return ocs.ok(userData(who.user()));
        }
        if (method.equals("GET") && parts.size() == 3 && parts.subList(0, 2).equals(List.of("cloud", "users"))) {
            return parts.get(2).equals(who.user())
                    ? ocs.ok(userData(who.user()))
                    : ocs.failure(404, "User does not exist");
        }
        if (method.equals("DELETE") && parts.equals(List.of("core", "apppassword"))) {
            if (who.bearer()) {
                return ocs.failure(403, "no app password in use");
            }
            accounts.revoke(who.user(), who.password());
            return ocs.ok(JsonValue.EMPTY_JSON_ARRAY);
        }
        return ocs.failure(998, OcsEnvelope.INVALID_QUERY);
    }

    /** GET /status.php (never needs authentication, stays 200 in maintenance mode). */
    private SimResponse status(SimRequest request) {
        JsonObject body = Json.createObjectBuilder()
                .add("installed", true)
                .add("maintenance", maintenance.enabled())
                .add("needsDbUpgrade", false)
                .add("version", version.fullVersion())
                .add("versionstring", version.versionString())
                .add("edition", "")
                .add("productname", "Nextcloud")
                .add("extendedSupport", false)
                .build();
        return SimResponse.status(200).header("Content-Type", "application/json").body(PhpJson.bytes(body));
    }

    private static boolean knownRoute(String method, List<String> parts) {
        return (method.equals("GET") && (parts.equals(List.of("cloud", "user"))
                || (parts.size() == 3 && parts.subList(0, 2).equals(List.of("cloud", "users")))))
                || (method.equals("DELETE") && parts.equals(List.of("core", "apppassword")));
    }

    private SimResponse capabilities(OcsEnvelope ocs, boolean authenticated) {
        JsonObject caps = resource((authenticated ? "capabilities-" : "capabilities-anonymous-")
                                           + version.resourceSuffix() + ".json", null);
        JsonObject data = Json.createObjectBuilder()
                .add("version", Json.createObjectBuilder()
                        .add("major", version.major())
                        .add("minor", version.minor())
                        .add("micro", version.micro())
                        .add("string", version.versionString())
                        .add("edition", "")
                        .add("extendedSupport", false))
                .add("capabilities", caps)
                .build();
        SimResponse response = ocs.ok(data);
        return response.header("ETag", "\"" + Hashes.md5(PhpJson.encode(caps)) + "\"");
    }

    private JsonObject userData(String user) {
        return resource("user-" + version.resourceSuffix() + ".json", user);
    }

    private JsonObject resource(String name, String user) {
        try (InputStream in = OcsApp.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${HOST}", hostPort.get());
            if (user != null) {
                text = text.replace("${USER}", jsonText(user)).replace("${DISPLAYNAME}", jsonText(accounts.displayName(user)));
            }
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jsonText(String s) {
        String quoted = PhpJson.encode(Json.createValue(s));
        return quoted.substring(1, quoted.length() - 1);
    }
}
