package dev.ncmcp.server.oauth;

import dev.ncmcp.server.store.ClientRegistrations;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the MCP client behind a {@code client_id}: a client registered at {@code /oauth/register}, or, when the id
 * is an https URL, its Client ID Metadata Document, fetched safely and cached (the document's
 * {@code Cache-Control: max-age}, kept between 5 minutes and a day; one hour without).
 */
final class ClientResolver {
    static final Duration MIN_CACHE = Duration.ofMinutes(5);
    static final Duration MAX_CACHE = Duration.ofDays(1);
    static final Duration DEFAULT_CACHE = Duration.ofHours(1);

    /** A known client. */
    record Client(String id, ClientMetadata metadata, boolean metadataDocument) {
        String displayName() {
            return metadata.clientName() != null ? metadata.clientName() : id;
        }
    }

    /** The client id names no usable client; the message is for the user (error page) and the client. */
    static final class UnknownClient extends Exception {
        private static final long serialVersionUID = 1L;

        UnknownClient(String message) {
            super(message);
        }
    }

    private final ClientRegistrations registrations;
    private final MetadataFetcher fetcher;
    private final Clock clock;

    ClientResolver(ClientRegistrations registrations, MetadataFetcher fetcher, Clock clock) {
        this.registrations = registrations;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    static boolean isMetadataUrl(String clientId) {
        return clientId.startsWith("https://") || clientId.startsWith("http://");
    }

    Client resolve(String clientId) throws UnknownClient {
        if (clientId == null || clientId.isEmpty()) {
            throw new UnknownClient("client_id is missing");
        }
        Instant now = clock.instant();
        Optional<ClientRegistrations.Registration> known = registrations.find(clientId);
        if (known.isPresent() && (known.get().expiresAt() == null || known.get().expiresAt().isAfter(now))) {
            try {
                return new Client(clientId, ClientMetadata.parse(known.get().metadata(), false),
                        known.get().expiresAt() != null);
            } catch (ClientMetadata.Invalid e) {
                throw new UnknownClient("the stored registration of " + clientId + " is invalid: " + e.getMessage());
            }
        }
        if (!isMetadataUrl(clientId)) {
            throw new UnknownClient("unknown client_id (register at /oauth/register or use a client metadata "
                    + "document URL)");
        }
        return fetch(clientId, now);
    }

    private Client fetch(String clientId, Instant now) throws UnknownClient {
        URI url;
        try {
            url = new URI(clientId);
        } catch (Exception e) {
            throw new UnknownClient("the client id is not a valid URL");
        }
        MetadataFetcher.Fetched fetched;
        try {
            fetched = fetcher.fetch(url);
        } catch (IOException e) {
            throw new UnknownClient("cannot fetch the client metadata document: " + e.getMessage());
        }
        JsonObject document;
        try (JsonReader reader = Json.createReader(new StringReader(fetched.body()))) {
            document = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new UnknownClient("the client metadata document at " + clientId + " is not a JSON object");
        }
        if (!clientId.equals(document.getString("client_id", null))) {
            throw new UnknownClient("the client metadata document's client_id is not its URL " + clientId);
        }
        String method = document.getString("token_endpoint_auth_method", "none");
        if (!method.equals("none")) {
            throw new UnknownClient("token_endpoint_auth_method " + method + " is not supported (only none)");
        }
        ClientMetadata metadata;
        try {
            metadata = ClientMetadata.parse(document, true);
        } catch (ClientMetadata.Invalid e) {
            throw new UnknownClient("the client metadata document is invalid: " + e.getMessage());
        }
        Duration ttl = fetched.maxAge() == null ? DEFAULT_CACHE : fetched.maxAge();
        ttl = ttl.compareTo(MIN_CACHE) < 0 ? MIN_CACHE : ttl.compareTo(MAX_CACHE) > 0 ? MAX_CACHE : ttl;
        registrations.save(new ClientRegistrations.Registration(clientId, metadata.toJson().build(), now,
                now.plus(ttl)));
        return new Client(clientId, metadata, true);
    }
}
