package dev.ncmcp.simulator.tables;

import dev.ncmcp.simulator.Accounts;
import dev.ncmcp.simulator.BasicAuth;
import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.simulator.PathSegments;
import dev.ncmcp.simulator.Routes;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.SimulatorApp;
import dev.ncmcp.simulator.ocs.OcsEnvelope;
import dev.ncmcp.simulator.ocs.OcsGate;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;

/** The Tables app: API v1 under {@code index.php}, API v2 over OCS, and a sample table for the demo. */
public final class TablesApp implements SimulatorApp {
    static final String REST = "/index.php/apps/tables/api/1";
    private static final String OCS = "/apps/tables/api/2";

    private final BasicAuth auth;
    private final NextcloudVersion version;
    private final TablesState state = new TablesState();
    private final TablesOperations operations;
    private final TablesRest rest;
    private final TablesOcs ocs;

    public TablesApp(BasicAuth auth, Accounts accounts, NextcloudVersion version) {
        this.auth = auth;
        this.version = version;
        this.operations = new TablesOperations(state, new TablesJson(accounts, version), version);
        this.rest = new TablesRest(operations, version);
        this.ocs = new TablesOcs(operations);
    }

    @Override
    public void register(Routes routes) {
        routes.prefix(REST, this::rest)
                .prefix("/ocs/v2.php" + OCS, this::ocs)
                .prefix("/ocs/v1.php" + OCS, this::ocs);
    }

    @Override
    public void seedSampleData(String user) {
        synchronized (state) {
            state.introduce(user);
            SampleTable.create(state, user);
        }
    }

    private SimResponse rest(SimRequest request) {
        BasicAuth.Result who = auth.authenticate(request);
        if (!who.ok()) {
            return SimResponse.json(401, Json.createObjectBuilder()
                    .add("message", who.kind() == BasicAuth.Kind.ANONYMOUS ? "CORS requires basic auth" : "").build());
        }
        List<String> route = PathSegments.of(request.path().substring(REST.length()));
        try {
            synchronized (state) {
                state.introduce(who.user());
                return rest.answer(request, who.user(), route, body(request));
            }
        } catch (TablesFailure failure) {
            return failure.getMessage() == null ? emptyNotFound(failure)
                    : SimResponse.json(failure.status, Json.createObjectBuilder()
                    .add("message", failure.getMessage()).build());
        }
    }

    private SimResponse ocs(SimRequest request) {
        OcsEnvelope envelope = OcsEnvelope.forRequest(request);
        BasicAuth.Result who = auth.authenticate(request);
        Optional<SimResponse> refused = OcsGate.refusal(request, who, version);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!who.ok()) {
            return envelope.failure(997, "Current user is not logged in");
        }
        List<String> route = PathSegments.of(request.path().replaceFirst("^/ocs/v[12]\\.php" + OCS, ""));
        try {
            synchronized (state) {
                state.introduce(who.user());
                return ocs.answer(request, envelope, who.user(), route, body(request));
            }
        } catch (TablesFailure failure) {
            return failure.getMessage() == null ? emptyNotFound(failure)
                    : envelope.failure(failure.status, "", Json.createObjectBuilder()
                    .add("message", failure.getMessage()).build());
        }
    }

    /** A table the user may not see: 404, an HTML content type and no body, on both APIs. */
    private static SimResponse emptyNotFound(TablesFailure failure) {
        return SimResponse.status(failure.status).header("Content-Type", SimResponse.HTML);
    }

    /** The request's JSON object, with query parameters for what it does not have (Nextcloud merges both). */
    private static JsonObject body(SimRequest request) {
        JsonObject json = JsonValue.EMPTY_JSON_OBJECT;
        if (request.hasBody()) {
            try (JsonReader reader = Json.createReader(new StringReader(request.bodyText()))) {
                if (reader.readValue() instanceof JsonObject object) {
                    json = object;
                }
            } catch (RuntimeException malformed) {
                // PHP sees no parameters
            }
        }
        var merged = Json.createObjectBuilder(json);
        JsonObject parsed = json;
        request.queryParams().forEach((key, value) -> {
            if (!parsed.containsKey(key) && !key.equals("format")) {
                merged.add(key, value);
            }
        });
        return merged.build();
    }
}
