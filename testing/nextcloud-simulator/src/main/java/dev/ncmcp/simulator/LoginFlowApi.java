package dev.ncmcp.simulator;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Login Flow v2 ({@code POST /index.php/login/v2}, {@code POST /index.php/login/v2/poll}). The
 * browser part is replaced by {@link NextcloudSimulator#grantLoginFlow(String, String)}.
 */
final class LoginFlowApi {
    static final String INIT = "/index.php/login/v2";
    static final String POLL = "/index.php/login/v2/poll";

    private final Accounts accounts;
    private final Supplier<String> baseUrl;
    /** poll token -> flow */
    private final Map<String, Flow> flows = new ConcurrentHashMap<>();

    LoginFlowApi(Accounts accounts, Supplier<String> baseUrl) {
        this.accounts = accounts;
        this.baseUrl = baseUrl;
    }

    /** A pending flow; {@code loginName}/{@code appPassword} are set by the grant. */
    private record Flow(String loginToken, String loginName, String appPassword) {
    }

    SimResponse handle(SimRequest request) {
        if (!request.method().equals("POST")) {
            return SimResponse.status(405).header("Content-Type", SimResponse.HTML);
        }
        return request.path().equals(INIT) || request.path().equals(INIT + "/") ? init() : poll(request);
    }

    private SimResponse init() {
        String pollToken = Accounts.randomToken(128);
        String loginToken = Accounts.randomToken(128);
        flows.put(pollToken, new Flow(loginToken, null, null));
        String base = baseUrl.get();
        return SimResponse.json(200, Json.createObjectBuilder()
                .add("poll", Json.createObjectBuilder().add("token", pollToken).add("endpoint", base + POLL))
                .add("login", base + "/index.php/login/v2/flow/" + loginToken)
                .build());
    }

    private SimResponse poll(SimRequest request) {
        String token = RequestFields.of(request).string("token");
        if (token == null) {
            token = request.queryParam("token").orElse(null);
        }
        Flow flow = token == null ? null : flows.get(token);
        if (flow == null || flow.appPassword() == null) {
            return SimResponse.json(404, JsonValue.EMPTY_JSON_ARRAY);
        }
        flows.remove(token);
        return SimResponse.json(200, Json.createObjectBuilder()
                .add("server", baseUrl.get())
                .add("loginName", flow.loginName())
                .add("appPassword", flow.appPassword())
                .build());
    }

    /**
     * Simulates the user granting access in the browser. Accepts the login token (last segment of
     * the {@code login} URL) or the poll token. Returns the minted app password.
     */
    Optional<String> grant(String token, String user) {
        if (!accounts.exists(user)) {
            throw new IllegalArgumentException("unknown user " + user);
        }
        for (Map.Entry<String, Flow> e : flows.entrySet()) {
            Flow flow = e.getValue();
            if ((e.getKey().equals(token) || flow.loginToken().equals(token)) && flow.appPassword() == null) {
                String password = accounts.mintAppPassword(user);
                flows.put(e.getKey(), new Flow(flow.loginToken(), user, password));
                return Optional.of(password);
            }
        }
        return Optional.empty();
    }
}
