package dev.ncmcp.server.nextcloud;

import dev.ncmcp.spi.nextcloud.DavEntry;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds each user's DAV principal with {@code PROPFIND current-user-principal} and derives the files
 * root from it: the principal id can differ from the login name (e.g. users from LDAP or OIDC).
 */
final class PrincipalDirectory {

    private static final System.Logger LOG = System.getLogger(PrincipalDirectory.class.getName());
    private static final String PRINCIPALS = "/remote.php/dav/principals/users/";
    private static final String PROPFIND_BODY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <d:propfind xmlns:d="DAV:"><d:prop><d:current-user-principal/></d:prop></d:propfind>
            """;

    private final ConcurrentHashMap<String, Cached> roots = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    PrincipalDirectory(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    String filesRoot(NextcloudClient client) throws NextcloudException {
        Cached cached = roots.get(client.loginName());
        Instant now = clock.instant();
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.root();
        }
        String root = discover(client);
        roots.put(client.loginName(), new Cached(root, now.plus(ttl)));
        return root;
    }

    private static String discover(NextcloudClient client) throws NextcloudException {
        NextcloudResponse response = client.send(NextcloudRequest.builder("PROPFIND", "/remote.php/dav/")
                .header("Depth", "0")
                .xml(PROPFIND_BODY)
                .build());
        Optional<String> principal = Optional.empty();
        if (response.status() == 207) {
            principal = client.multistatus(response).stream()
                    .map(entry -> entry.dav("current-user-principal"))
                    .flatMap(Optional::stream)
                    .filter(href -> !href.isBlank())
                    .findFirst();
        }
        if (principal.isPresent()) {
            String href = principal.get();
            int at = href.indexOf(PRINCIPALS);
            if (at >= 0) {
                String id = href.substring(at + PRINCIPALS.length()).replaceAll("/+$", "");
                if (!id.isEmpty() && !id.contains("/")) {
                    return "/remote.php/dav/files/" + encode(id) + "/";
                }
            }
            LOG.log(System.Logger.Level.WARNING, "Unexpected DAV principal {0}; using the login name", href);
        } else {
            LOG.log(System.Logger.Level.DEBUG, "No current-user-principal (HTTP {0}); using the login name",
                    response.status());
        }
        return "/remote.php/dav/files/" + encode(client.loginName()) + "/";
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record Cached(String root, Instant expires) {
    }
}
