package dev.ncmcp.server.oauth;

import dev.ncmcp.server.store.ClientRegistrations;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static dev.ncmcp.server.oauth.FacadeHttp.body;
import static dev.ncmcp.server.oauth.FacadeHttp.sendJson;

/**
 * {@code POST /oauth/register}: RFC 7591 dynamic client registration for public clients, rate limited per address
 * ({@code 429} with {@code Retry-After}).
 */
final class RegistrationEndpoint {
    private static final System.Logger LOG = System.getLogger(RegistrationEndpoint.class.getName());

    private final ClientRegistrations registrations;
    private final RateLimiter registerLimit;
    private final Clock clock;

    RegistrationEndpoint(ClientRegistrations registrations, int registerRate, Clock clock) {
        this.registrations = registrations;
        this.registerLimit = new RateLimiter(registerRate, clock);
        this.clock = clock;
    }

    void register(ServerRequest request, ServerResponse response) {
        Optional<Duration> wait = registerLimit.acquire(request.remotePeer().host());
        if (wait.isPresent()) {
            response.header(HeaderNames.RETRY_AFTER, Long.toString(Math.max(1, (wait.get().toMillis() + 999) / 1000)));
            sendJson(response, Status.TOO_MANY_REQUESTS_429, Json.createObjectBuilder()
                    .add("error", "too_many_requests")
                    .add("error_description", "too many client registrations from this address").build());
            return;
        }
        JsonObject body;
        try (JsonReader reader = Json.createReader(new StringReader(body(request)))) {
            body = reader.readObject();
        } catch (IOException | JsonException | IllegalStateException e) {
            sendJson(response, Status.BAD_REQUEST_400, Json.createObjectBuilder().add("error",
                    "invalid_client_metadata").add("error_description", "the body must be a JSON object").build());
            return;
        }
        ClientMetadata metadata;
        try {
            metadata = ClientMetadata.parse(body, false);
        } catch (ClientMetadata.Invalid e) {
            sendJson(response, Status.BAD_REQUEST_400, Json.createObjectBuilder().add("error", e.error)
                    .add("error_description", e.getMessage()).build());
            return;
        }
        Instant now = clock.instant();
        String clientId = Secrets.random();
        JsonObject stored = metadata.toJson().build();
        registrations.save(new ClientRegistrations.Registration(clientId, stored, now, null));
        LOG.log(System.Logger.Level.INFO, () -> "OAuth facade: registered client " + clientId
                + (metadata.clientName() == null ? "" : " (" + metadata.clientName() + ")"));
        sendJson(response, Status.CREATED_201, metadata.toJson()
                .add("client_id", clientId)
                .add("client_id_issued_at", now.getEpochSecond())
                .build());
    }
}
