package dev.ncmcp.server.transport;

import dev.ncmcp.server.security.ProtectedResourceMetadata;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;

/**
 * Serves the Protected Resource Metadata (RFC 9728) under {@code /.well-known}: at
 * {@code /oauth-protected-resource} and {@code /oauth-protected-resource/mcp}.
 */
public final class ProtectedResourceMetadataService implements HttpService {

    private final ProtectedResourceMetadata metadata;
    private volatile byte[] body;

    public ProtectedResourceMetadataService(ProtectedResourceMetadata metadata) {
        this.metadata = metadata;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/oauth-protected-resource", this::metadata)
                .get("/oauth-protected-resource/{+path}", this::metadata);
    }

    private void metadata(ServerRequest request, ServerResponse response) {
        byte[] bytes = body;
        if (bytes == null) {
            // the document does not change once the server listens: serialised once
            bytes = metadata.document().toString().getBytes(StandardCharsets.UTF_8);
            body = bytes;
        }
        response.header(HeaderValues.CONTENT_TYPE_JSON);
        response.header(HeaderNames.CACHE_CONTROL, "max-age=300");
        response.send(bytes);
    }
}
