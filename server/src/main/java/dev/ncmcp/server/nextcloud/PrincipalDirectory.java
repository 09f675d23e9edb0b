package dev.ncmcp.server.nextcloud;

import dev.ncmcp.spi.ToolException.Kind;
import dev.ncmcp.spi.dav.DavDiscovery;
import dev.ncmcp.spi.dav.DavPaths;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each user's DAV locations, discovered ({@link DavDiscovery}) and cached per login: the principal can differ from
 * the login name (users from LDAP or OIDC, renamed users). Only a plain WebDAV server that names no principal at
 * all (Apache mod_dav) gets a files root derived from the login name.
 */
final class PrincipalDirectory {

    private static final System.Logger LOG = System.getLogger(PrincipalDirectory.class.getName());

    private record Locations(Optional<String> principal, String filesRoot) {
    }

    private record Cached<T>(T value, Instant expires) {
    }

    @FunctionalInterface
    private interface Discovery<T> {
        T discover() throws NextcloudException;
    }

    private final ConcurrentHashMap<String, Cached<Locations>> locations = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Cached<DavDiscovery.Homes>> homes = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    PrincipalDirectory(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    String principal(NextcloudClient client) throws NextcloudException {
        return locations(client).principal().orElseThrow(() -> new NextcloudException(Kind.UPSTREAM_ERROR,
                "This server names no DAV principal for the user"));
    }

    String filesRoot(NextcloudClient client) throws NextcloudException {
        return locations(client).filesRoot();
    }

    String calendarHome(NextcloudClient client) throws NextcloudException {
        return homes(client).calendars().orElseThrow(() -> DavDiscovery.noHome("calendars"));
    }

    String addressBookHome(NextcloudClient client) throws NextcloudException {
        return homes(client).addressBooks().orElseThrow(() -> DavDiscovery.noHome("address books"));
    }

    private Locations locations(NextcloudClient client) throws NextcloudException {
        return cached(locations, client.loginName(), () -> discover(client));
    }

    /** Asked only by the calendar and contacts tools, so file tools never pay for it. */
    private DavDiscovery.Homes homes(NextcloudClient client) throws NextcloudException {
        Optional<String> principal = locations(client).principal();
        if (principal.isEmpty()) {
            return new DavDiscovery.Homes(Optional.empty(), Optional.empty());
        }
        return cached(homes, client.loginName(), () -> DavDiscovery.homes(client, principal.get()));
    }

    private <T> T cached(ConcurrentHashMap<String, Cached<T>> cache, String login, Discovery<T> discovery)
            throws NextcloudException {
        Cached<T> cached = cache.get(login);
        Instant now = clock.instant();
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.value();
        }
        T value = discovery.discover();
        cache.put(login, new Cached<>(value, now.plus(ttl)));
        return value;
    }

    private static Locations discover(NextcloudClient client) throws NextcloudException {
        String principal;
        try {
            principal = DavDiscovery.principal(client);
        } catch (NextcloudException e) {
            if (e.kind() != Kind.UPSTREAM_ERROR) {
                throw e;
            }
            LOG.log(System.Logger.Level.DEBUG, "No DAV principal ({0}); a plain WebDAV server: files under the login "
                    + "name", e.getMessage());
            return new Locations(Optional.empty(), DavDiscovery.ROOT + "files/"
                    + DavPaths.encodeSegment(client.loginName()) + "/");
        }
        String filesRoot = DavDiscovery.filesRoot(principal).orElseGet(() -> {
            LOG.log(System.Logger.Level.WARNING, "Unexpected DAV principal {0}; files under the login name", principal);
            return DavDiscovery.ROOT + "files/" + DavPaths.encodeSegment(client.loginName()) + "/";
        });
        return new Locations(Optional.of(principal), filesRoot);
    }
}
