package dev.ncmcp.spi.dav;

import dev.ncmcp.spi.ToolException.Kind;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.spi.xml.QName;

import java.util.List;
import java.util.Optional;

/**
 * Where a user's DAV collections are, as the server says: {@code current-user-principal} on the DAV root, then the
 * principal's {@code calendar-home-set} and {@code addressbook-home-set} (RFC 5397, RFC 4791 §6.2.1, RFC 6352
 * §7.1.1). The principal id can differ from the login name (LDAP, OIDC and renamed users), so no path is ever
 * built from the login name. Uncached: the server caches the answers per user.
 */
public final class DavDiscovery {

    /** The DAV root Nextcloud serves every DAV collection under. */
    public static final String ROOT = "/remote.php/dav/";
    private static final String PRINCIPALS = "/remote.php/dav/principals/users/";
    /** RFC 6764's starting point for servers that are not Nextcloud. */
    static final String WELL_KNOWN = "/.well-known/caldav";
    static final QName CURRENT_USER_PRINCIPAL = QName.dav("current-user-principal");
    static final QName CALENDAR_HOME_SET = QName.caldav("calendar-home-set");
    static final QName ADDRESSBOOK_HOME_SET = QName.carddav("addressbook-home-set");

    /** The homes a principal names; empty when the server has no CalDAV or CardDAV. */
    public record Homes(Optional<String> calendars, Optional<String> addressBooks) {
    }

    private DavDiscovery() {
    }

    /**
     * The principal's path, ending with {@code /}. Asked of Nextcloud's DAV root first; a server that has none there
     * (any other CalDAV/CardDAV server, such as Radicale) is asked at its RFC 6764 context path: where
     * {@code /.well-known/caldav} redirects to, or that path itself.
     */
    public static String principal(NextcloudClient client) throws NextcloudException {
        NextcloudResponse response = client.send(Dav.propfind(ROOT, 0, List.of(CURRENT_USER_PRINCIPAL)));
        Optional<String> principal = principalIn(response);
        if (principal.isEmpty()) {
            NextcloudResponse wellKnown = client.send(Dav.propfind(WELL_KNOWN, 0, List.of(CURRENT_USER_PRINCIPAL)));
            Optional<String> location = wellKnown.status() / 100 == 3 ? wellKnown.header("Location")
                    .map(target -> Multistatus.pathOf(target.strip())).filter(path -> path.startsWith("/"))
                    : Optional.empty();
            principal = location.isPresent()
                    ? principalIn(client.send(Dav.propfind(location.get(), 0, List.of(CURRENT_USER_PRINCIPAL))))
                    : principalIn(wellKnown);
        }
        return principal.orElseThrow(() -> new NextcloudException(Kind.UPSTREAM_ERROR, "Nextcloud did not name the "
                + "user's DAV principal (PROPFIND current-user-principal on " + ROOT + " answered HTTP "
                + response.status() + ", and " + WELL_KNOWN + " named none either)"));
    }

    private static Optional<String> principalIn(NextcloudResponse response) throws NextcloudException {
        if (response.status() != 207) {
            return Optional.empty();
        }
        return Multistatus.read(response).stream()
                .map(entry -> entry.element(CURRENT_USER_PRINCIPAL).flatMap(e -> e.childText(QName.dav("href"))
                        .or(() -> Optional.of(e.text()))))
                .flatMap(Optional::stream)
                .filter(text -> !text.isBlank())
                .map(text -> Multistatus.pathOf(text.strip()))
                .map(path -> path.endsWith("/") ? path : path + "/")
                .findFirst();
    }

    /** The files root of a Nextcloud principal: {@code …/principals/users/<id>/} → {@code /remote.php/dav/files/<id>/}. */
    public static Optional<String> filesRoot(String principal) {
        int at = principal.indexOf(PRINCIPALS);
        if (at < 0) {
            return Optional.empty();
        }
        String id = principal.substring(at + PRINCIPALS.length()).replaceAll("/+$", "");
        return id.isEmpty() || id.contains("/") ? Optional.empty() : Optional.of(ROOT + "files/" + id + "/");
    }

    /** The calendar and address book homes the principal names. */
    public static Homes homes(NextcloudClient client, String principal) throws NextcloudException {
        NextcloudResponse response = client.send(Dav.propfind(principal, 0,
                List.of(CALENDAR_HOME_SET, ADDRESSBOOK_HOME_SET)));
        if (response.status() != 207) {
            return new Homes(Optional.empty(), Optional.empty());
        }
        List<DavEntry> entries = Multistatus.read(response);
        return new Homes(home(entries, CALENDAR_HOME_SET), home(entries, ADDRESSBOOK_HOME_SET));
    }

    private static Optional<String> home(List<DavEntry> entries, QName property) {
        return entries.stream()
                .map(entry -> entry.element(property).flatMap(set -> set.childText(QName.dav("href"))))
                .flatMap(Optional::stream)
                .filter(text -> !text.isBlank())
                .map(text -> Multistatus.pathOf(text.strip()))
                .map(path -> path.endsWith("/") ? path : path + "/")
                .findFirst();
    }

    /** What a missing home means for the model. */
    public static NextcloudException noHome(String what) {
        return new NextcloudException(Kind.UPSTREAM_ERROR, "This server does not offer " + what
                + " for the user (its DAV principal names no home for them).");
    }
}
