package dev.ncmcp.simulator.ocs;

import dev.ncmcp.simulator.BasicAuth;
import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import jakarta.json.Json;

import java.util.Optional;

/**
 * What every OCS route of every app checks first: credentials that do not authenticate (401, statuscode 997; XML on
 * Nextcloud 29 whatever the format asked) and the {@code OCS-APIREQUEST} header (412 "CSRF check failed" without it).
 */
public final class OcsGate {
    private OcsGate() {
    }

    /** Nextcloud's refusal of the request, or empty when it may proceed (authenticated or anonymous). */
    public static Optional<SimResponse> refusal(SimRequest request, BasicAuth.Result who, NextcloudVersion version) {
        OcsEnvelope ocs = OcsEnvelope.forRequest(request);
        if (who.kind() == BasicAuth.Kind.INVALID) {
            OcsEnvelope shape = version.honoursFormatOnBadCredentials() ? ocs : ocs.asXml();
            SimResponse response = shape.failure(997, "Unauthorised")
                    .header("WWW-Authenticate", "Basic realm=\"Authorisation Required\"");
            if (!version.honoursFormatOnBadCredentials()) {
                response.header("Content-Type", "text/xml; charset=UTF-8");
            }
            return Optional.of(response);
        }
        if (!request.header("OCS-APIREQUEST").map("true"::equalsIgnoreCase).orElse(false)) {
            return Optional.of(SimResponse.json(412, Json.createObjectBuilder().add("message", "CSRF check failed").build()));
        }
        return Optional.empty();
    }
}
