package dev.ncmcp.server.oauth;

import dev.ncmcp.server.idp.IdpHttp;
import dev.ncmcp.server.idp.IdpMetadata;
import dev.ncmcp.server.store.IdpClients;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The sidecar's own client at the identity provider. Static credentials when configured; otherwise registered by
 * RFC 7591 (retrying with backoff, honouring {@code Retry-After} on 429/503), persisted keyed by the issuer so a
 * restart reuses it, re-registered when the IdP no longer knows it ({@code invalid_client}) or when it is older than
 * the configured lifetime, and deletable by RFC 7592.
 */
public final class IdpClientManager {
    private static final System.Logger LOG = System.getLogger(IdpClientManager.class.getName());
    static final int MAX_ATTEMPTS = 6;
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    /** Pauses between registration attempts; tests record instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final IdpClients.Client staticClient;
    private final IdpClients store;
    private final URI issuer;
    private final IdpEndpoints endpoints;
    private final Supplier<URI> callback;
    private final List<String> scopes;
    private final Duration lifetime;
    private final IdpHttp http;
    private final Clock clock;
    private final Sleeper sleeper;
    private volatile IdpClients.Client current;

    IdpClientManager(String clientId, String clientSecret, URI issuer, IdpClients store,
                     IdpEndpoints endpoints, Supplier<URI> callback, List<String> scopes, Duration lifetime,
                     IdpHttp http, Clock clock, Sleeper sleeper) {
        this.staticClient = clientId == null ? null
                : new IdpClients.Client(issuer.toString(), clientId, clientSecret, null, null, Instant.EPOCH);
        this.issuer = issuer;
        this.store = store;
        this.endpoints = endpoints;
        this.callback = callback;
        this.scopes = List.copyOf(scopes);
        this.lifetime = lifetime == null ? Duration.ZERO : lifetime;
        this.http = http;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    boolean dynamic() {
        return staticClient == null;
    }

    /**
     * Startup: with static credentials nothing to do. Otherwise reuse the stored registration if the IdP still
     * knows it with this sidecar's callback (RFC 7592 read, where offered), else register.
     *
     * @throws IOException when no client could be registered
     */
    void warmUp() throws IOException {
        if (staticClient != null) {
            return;
        }
        synchronized (this) {
            Optional<IdpClients.Client> stored = store.find(issuer.toString());
            if (stored.isPresent() && stillValid(stored.get())) {
                current = stored.get();
                LOG.log(System.Logger.Level.INFO, "identity provider " + issuer + ": reusing registered client "
                        + current.clientId());
                return;
            }
            stored.ifPresent(stale -> store.delete(stale.issuer()));
            current = register();
        }
    }

    /** The client to use now; registers one when there is none (or it is past its lifetime). */
    IdpClients.Client current() throws IOException {
        if (staticClient != null) {
            return staticClient;
        }
        IdpClients.Client client = current;
        if (client != null && !expired(client)) {
            return client;
        }
        synchronized (this) {
            client = current;
            if (client == null) {
                client = store.find(issuer.toString()).orElse(null);
            }
            if (client == null || expired(client)) {
                if (client != null) {
                    LOG.log(System.Logger.Level.INFO, "identity provider " + issuer + ": client " + client.clientId()
                            + " is older than " + lifetime.toSeconds() + " s, registering a new one");
                    deleteQuietly(client);
                }
                client = register();
            }
            current = client;
            return client;
        }
    }

    /**
     * The IdP answered {@code invalid_client}/{@code unauthorized_client} for {@code stale}: forget it and register
     * a new one (unless another thread did already). Static clients are only reported.
     */
    void rejected(IdpClients.Client stale) {
        if (staticClient != null) {
            LOG.log(System.Logger.Level.ERROR, "identity provider " + issuer + " rejects the configured client "
                    + stale.clientId() + " (oauth.facade.client.id / .secret)");
            return;
        }
        synchronized (this) {
            IdpClients.Client now = current;
            if (now != null && !now.clientId().equals(stale.clientId())) {
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "identity provider " + issuer + " no longer accepts client "
                    + stale.clientId() + "; registering a new one");
            store.delete(issuer.toString());
            current = null;
            try {
                current = register();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.ERROR, "identity provider " + issuer + ": re-registration failed: "
                        + e.getMessage());
            }
        }
    }

    /**
     * Deletes the registered client at the IdP (RFC 7592 {@code DELETE}) and from the store.
     *
     * @return what happened, for the operator
     */
    public synchronized String deleteRegisteredClient() throws IOException {
        if (staticClient != null) {
            return "the client " + staticClient.clientId() + " is configured statically; nothing to delete";
        }
        Optional<IdpClients.Client> stored = store.find(issuer.toString());
        if (stored.isEmpty()) {
            return "no client is registered at " + issuer;
        }
        IdpClients.Client client = stored.get();
        String outcome;
        if (client.registrationClientUri() == null || client.registrationAccessToken() == null) {
            outcome = "the identity provider gave no registration_client_uri/registration_access_token for client "
                    + client.clientId() + "; forgot it locally, delete it at the identity provider by hand";
        } else {
            IdpHttp.Response response = http.delete(URI.create(client.registrationClientUri()),
                    "Bearer " + client.registrationAccessToken());
            if (response.status() != 204 && response.status() != 200 && response.status() != 404
                    && response.status() != 401) {
                throw new IOException("deleting client " + client.clientId() + " at " + issuer + " failed: HTTP "
                        + response.status() + " " + response.error());
            }
            outcome = "deleted client " + client.clientId() + " at " + issuer + " (HTTP " + response.status() + ")";
        }
        store.delete(issuer.toString());
        current = null;
        return outcome;
    }

    private boolean expired(IdpClients.Client client) {
        return !lifetime.isZero() && client.createdAt().plus(lifetime).isBefore(clock.instant());
    }

    private boolean stillValid(IdpClients.Client client) {
        if (expired(client)) {
            return false;
        }
        if (client.registrationClientUri() == null || client.registrationAccessToken() == null) {
            return true;
        }
        try {
            IdpHttp.Response response = http.get(URI.create(client.registrationClientUri()),
                    "Bearer " + client.registrationAccessToken());
            if (response.status() == 401 || response.status() == 403 || response.status() == 404) {
                LOG.log(System.Logger.Level.INFO, "identity provider " + issuer + " no longer knows client "
                        + client.clientId() + " (HTTP " + response.status() + ")");
                return false;
            }
            if (response.status() != 200) {
                return true;
            }
            JsonObject config = response.json().orElse(JsonValue.EMPTY_JSON_OBJECT);
            boolean hasCallback = config.get("redirect_uris") instanceof JsonArray uris
                    && uris.stream().anyMatch(v -> v instanceof JsonString s
                    && s.getString().equals(callback.get().toString()));
            String rotated = config.getString("registration_access_token", null);
            if (!hasCallback) {
                LOG.log(System.Logger.Level.INFO, "identity provider " + issuer + ": client " + client.clientId()
                        + " was registered for another callback URL; registering a new one");
                deleteQuietly(rotated == null ? client : withToken(client, rotated));
                return false;
            }
            if (rotated != null && !rotated.equals(client.registrationAccessToken())) {
                store.save(withToken(client, rotated));
            }
            return true;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "identity provider " + issuer + ": cannot read registration of "
                    + client.clientId() + " (" + e.getMessage() + "); reusing it");
            return true;
        }
    }

    private static IdpClients.Client withToken(IdpClients.Client client, String token) {
        return new IdpClients.Client(client.issuer(), client.clientId(), client.clientSecret(), token,
                client.registrationClientUri(), client.createdAt());
    }

    private void deleteQuietly(IdpClients.Client client) {
        if (client.registrationClientUri() == null || client.registrationAccessToken() == null) {
            return;
        }
        try {
            http.delete(URI.create(client.registrationClientUri()), "Bearer " + client.registrationAccessToken());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "deleting old client failed: " + e.getMessage());
        }
    }

    private IdpClients.Client register() throws IOException {
        IdpMetadata idp = endpoints.get();
        if (idp.registrationEndpoint() == null) {
            throw new IOException("identity provider " + issuer + " offers no registration_endpoint: configure the "
                    + "sidecar's client with oauth.facade.client.id and oauth.facade.client.secret "
                    + "(OAUTH_FACADE_CLIENT_ID / OAUTH_FACADE_CLIENT_SECRET)");
        }
        JsonArrayBuilder grants = Json.createArrayBuilder().add("authorization_code").add("refresh_token");
        JsonObjectBuilder request = Json.createObjectBuilder()
                .add("client_name", "ncmcp sidecar")
                .add("redirect_uris", Json.createArrayBuilder().add(callback.get().toString()))
                .add("grant_types", grants)
                .add("response_types", Json.createArrayBuilder().add("code"))
                .add("token_endpoint_auth_method", "client_secret_basic")
                .add("application_type", "web");
        if (!scopes.isEmpty()) {
            request.add("scope", String.join(" ", scopes));
        }
        JsonObject body = request.build();
        Duration backoff = Duration.ofSeconds(1);
        IOException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Duration wait = backoff;
            IdpHttp.Response response;
            try {
                response = http.postJson(idp.registrationEndpoint(), null, body);
            } catch (IOException e) {
                response = null;
                last = e;
            }
            if (response != null) {
                if (response.status() == 201 || response.status() == 200) {
                    return saved(response, idp);
                }
                last = new IOException("registration at " + idp.registrationEndpoint() + " failed: HTTP "
                        + response.status() + " " + response.error() + describe(response));
                if (response.status() != 429 && response.status() < 500) {
                    throw last;
                }
                wait = response.retryAfter().map(value -> retryAfter(value, clock)).orElse(backoff);
            }
            if (attempt < MAX_ATTEMPTS) {
                LOG.log(System.Logger.Level.INFO, "identity provider " + issuer + ": client registration attempt "
                        + attempt + " failed (" + last.getMessage() + "), retrying in " + wait.toMillis() + " ms");
                try {
                    sleeper.sleep(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while registering at " + issuer, e);
                }
                backoff = backoff.multipliedBy(2);
            }
        }
        throw last;
    }

    private static String describe(IdpHttp.Response response) {
        return response.json().map(o -> o.getString("error_description", null)).map(d -> " (" + d + ")").orElse("");
    }

    private IdpClients.Client saved(IdpHttp.Response response, IdpMetadata idp) throws IOException {
        JsonObject json = response.json().orElseThrow(() -> new IOException("registration at "
                + idp.registrationEndpoint() + " did not answer with JSON"));
        String clientId = json.getString("client_id", null);
        if (clientId == null) {
            throw new IOException("registration at " + idp.registrationEndpoint() + " returned no client_id");
        }
        IdpClients.Client client = new IdpClients.Client(issuer.toString(), clientId,
                json.getString("client_secret", null), json.getString("registration_access_token", null),
                json.getString("registration_client_uri", null), clock.instant());
        store.save(client);
        LOG.log(System.Logger.Level.INFO, "identity provider " + issuer + ": registered client " + clientId);
        return client;
    }

    /** {@code Retry-After}: delay-seconds or an HTTP date (RFC 9110 §10.2.3); one second when unreadable. */
    static Duration retryAfter(String value, Clock clock) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException ignored) {
                return Duration.ofSeconds(1);
            }
        }
    }

    /** Client authentication at the token endpoint: HTTP Basic with a secret; the client id alone otherwise. */
    static String authorization(IdpClients.Client client) {
        return client.clientSecret() == null ? null : IdpHttp.clientBasic(client.clientId(), client.clientSecret());
    }
}
