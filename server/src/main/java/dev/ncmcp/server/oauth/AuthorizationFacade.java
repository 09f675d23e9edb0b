package dev.ncmcp.server.oauth;

import dev.ncmcp.server.config.FacadeConfig;
import dev.ncmcp.server.idp.Discovery;
import dev.ncmcp.server.idp.IdpHttp;
import dev.ncmcp.server.idp.IdpUnavailableException;
import dev.ncmcp.server.store.Store;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The optional OAuth 2.1 authorization-server facade (DESIGN §7) for identity providers MCP clients cannot use
 * directly. MCP clients register here (RFC 7591, or by Client ID Metadata Document), authorize here with PKCE;
 * after the user's consent the sidecar sends the browser to the IdP with its own client, exchanges the IdP's code
 * server-side and hands the client a one-time code of its own. The token endpoint returns the IdP's access token
 * (so resource-server validation is unchanged) and a sidecar refresh token that stands for the IdP's refresh token,
 * which the client never sees.
 *
 * <p>Routes: {@code /.well-known/oauth-authorization-server} ({@link #metadataService()}), and under {@code /oauth}:
 * {@code GET|POST /authorize} ({@link AuthorizeEndpoint}), {@code GET /callback} ({@link CallbackEndpoint}),
 * {@code POST /token} ({@link TokenEndpoint}), {@code POST /register} ({@link RegistrationEndpoint}).
 */
public final class AuthorizationFacade implements HttpService {
    private static final System.Logger LOG = System.getLogger(AuthorizationFacade.class.getName());
    /** How long the facade waits for one answer of the identity provider (registration can be slow). */
    static final Duration IDP_TIMEOUT = Duration.ofSeconds(15);

    private final URI idpIssuer;
    private final List<String> scopes;
    private final FacadeSite site;
    private final IdpEndpoints idpEndpoints;
    private final IdpClientManager idpClients;
    private final AuthorizeEndpoint authorize;
    private final CallbackEndpoint callback;
    private final TokenEndpoint token;
    private final RegistrationEndpoint registration;

    AuthorizationFacade(FacadeConfig config, URI idpIssuer, Supplier<URI> resource, List<String> scopes, Store store,
                        MetadataFetcher fetcher, IdpHttp http, Clock clock, IdpClientManager.Sleeper sleeper) {
        this.idpIssuer = idpIssuer;
        this.scopes = List.copyOf(scopes);
        this.site = new FacadeSite(resource);
        this.idpEndpoints = IdpEndpoints.discovered(new Discovery(idpIssuer, http,
                Discovery.Timing.defaults().withClock(clock), List.of("authorization_endpoint")));
        ClientResolver clients = new ClientResolver(store.clientRegistrations(), fetcher, clock);
        this.idpClients = new IdpClientManager(config.clientId(), config.clientSecret(), idpIssuer,
                store.idpClients(), idpEndpoints, site::callbackUri, this.scopes, config.clientLifetime(), http,
                clock, sleeper);
        this.authorize = new AuthorizeEndpoint(site, this.scopes, clients, store.pendingAuthorizations(), idpClients,
                idpEndpoints, clock);
        this.callback = new CallbackEndpoint(config, idpIssuer, site, store.pendingAuthorizations(),
                store.authorizationCodes(), idpClients, idpEndpoints, http, clock);
        this.token = new TokenEndpoint(site, clients, store.authorizationCodes(), store.refreshTokens(), idpClients,
                idpEndpoints, http, clock);
        this.registration = new RegistrationEndpoint(store.clientRegistrations(), config.registerRate(), clock);
    }

    /**
     * @param idpIssuer the identity provider whose tokens the sidecar accepts
     * @param resource  the MCP endpoint URL; the facade's issuer is its origin
     * @param scopes    the plugin scopes as rendered for the IdP (e.g. {@code notes:read})
     * @param store     where pending requests, codes, registrations and refresh tokens live
     */
    public static AuthorizationFacade create(FacadeConfig config, URI idpIssuer, Supplier<URI> resource,
                                             List<String> scopes, Store store) {
        return new AuthorizationFacade(config, idpIssuer, resource, scopes, store, new SafeMetadataFetcher(),
                new IdpHttp(IDP_TIMEOUT), Clock.systemUTC(), Thread::sleep);
    }

    /**
     * Fetches the IdP's endpoints and makes sure the sidecar has a client there (registering one if needed).
     * Call once the server listens: the callback URL contains the port.
     *
     * @throws IdpUnavailableException naming the issuer when that fails
     */
    public void warmUp() {
        try {
            idpEndpoints.get();
            idpClients.warmUp();
            LOG.log(System.Logger.Level.INFO, "OAuth facade ready: issuer " + issuer() + ", identity provider "
                    + idpIssuer + (idpClients.dynamic() ? " (registered client)" : " (static client)"));
        } catch (IOException e) {
            throw new IdpUnavailableException("OAuth facade: identity provider " + idpIssuer + ": " + e.getMessage(),
                    e);
        }
    }

    /** The facade's issuer: the origin of the MCP URL. */
    public String issuer() {
        return site.issuer();
    }

    /** The sidecar's own client at the IdP, e.g. for an {@code oauth delete-client} command. */
    public IdpClientManager idpClients() {
        return idpClients;
    }

    /** Serves RFC 8414 metadata at {@code /.well-known/oauth-authorization-server}; register under {@code /.well-known}. */
    public HttpService metadataService() {
        return rules -> rules.get("/oauth-authorization-server", (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.header(HeaderNames.CACHE_CONTROL, "max-age=300");
            res.send(metadata().toString());
        });
    }

    JsonObject metadata() {
        String issuer = issuer();
        JsonArrayBuilder supported = Json.createArrayBuilder().add("openid");
        scopes.forEach(supported::add);
        return Json.createObjectBuilder()
                .add("issuer", issuer)
                .add("authorization_endpoint", issuer + "/oauth/authorize")
                .add("token_endpoint", issuer + "/oauth/token")
                .add("registration_endpoint", issuer + "/oauth/register")
                .add("scopes_supported", supported)
                .add("response_types_supported", Json.createArrayBuilder().add("code"))
                .add("response_modes_supported", Json.createArrayBuilder().add("query"))
                .add("grant_types_supported", Json.createArrayBuilder().add("authorization_code")
                        .add("refresh_token"))
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("none"))
                .add("code_challenge_methods_supported", Json.createArrayBuilder().add("S256"))
                .add("client_id_metadata_document_supported", true)
                .add("authorization_response_iss_parameter_supported", true)
                .build();
    }

    /** The facade's routes under {@code /oauth}. */
    @Override
    public void routing(HttpRules rules) {
        rules.get("/authorize", authorize::authorize)
                .post("/authorize", authorize::consentDecision)
                .get("/callback", callback::callback)
                .post("/token", token::token)
                .post("/register", registration::register);
    }
}
