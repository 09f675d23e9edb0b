package dev.ncmcp.server.oauth;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** Fetches a Client ID Metadata Document; the real one is {@link SafeMetadataFetcher}, tests inject their own. */
@FunctionalInterface
interface MetadataFetcher {

    /**
     * @param body   the document (not yet parsed)
     * @param maxAge the {@code Cache-Control: max-age} the server sent, or null
     */
    record Fetched(String body, Duration maxAge) {
    }

    /** @throws IOException with a message fit for the user when the document cannot be fetched */
    Fetched fetch(URI url) throws IOException;
}
