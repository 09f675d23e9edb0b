package dev.ncmcp.simulator.loginflow;

import dev.ncmcp.simulator.Accounts;
import dev.ncmcp.simulator.Handler;
import dev.ncmcp.simulator.RequestFields;
import dev.ncmcp.simulator.Routes;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.SimulatorApp;
import jakarta.json.Json;
import jakarta.json.JsonValue;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Login Flow v2 ({@code POST /index.php/login/v2}, {@code POST /index.php/login/v2/poll}). The
 * browser part is replaced by {@link #grant(String, String)}.
 */
public final class LoginFlowApp implements SimulatorApp {
    static final String INIT = "/index.php/login/v2";
    static final String POLL = "/index.php/login/v2/poll";

    private final Accounts accounts;
    private final Supplier<String> baseUrl;
    /** poll token -> flow */
    private final Map<String, Flow> flows = new ConcurrentHashMap<>();

    public LoginFlowApp(Accounts accounts, Supplier<String> baseUrl) {
        this.accounts = accounts;
        this.baseUrl = baseUrl;
    }

    /** A pending flow; {@code loginName}/{@code appPassword} are set by the grant. */
    private record Flow(String loginToken, String loginName, String appPassword) {
    }

    @Override
    public void register(Routes routes) {
        routes.exact(INIT, post(request -> init()))
                .exact(INIT + "/", post(request -> init()))
                .exact(POLL, post(this::poll))
                .exact(POLL + "/", post(this::poll));
    }

    private static Handler post(Handler handler) {
        return request -> request.method().equals("POST")
                ? handler.handle(request)
                : SimResponse.status(405).header("Content-Type", SimResponse.HTML);
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
    public Optional<String> grant(String token, String user) {
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
