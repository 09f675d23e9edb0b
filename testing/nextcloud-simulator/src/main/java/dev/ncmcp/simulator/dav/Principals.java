package dev.ncmcp.simulator.dav;

import dev.ncmcp.simulator.PathSegments;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import org.w3c.dom.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.ncmcp.simulator.dav.DavXml.DAV;

/**
 * {@code /remote.php/dav/principals/users/<user>/}: the principal PROPFIND that names a user's calendar and address
 * book homes and scheduling collections ({@code caldav/01}, {@code carddav/01}). A user's principal id is the user
 * id; the calendar user address includes {@code mailto:<user>@<mail domain>} when the simulator gives users e-mail
 * addresses, as Nextcloud does for users with an e-mail.
 */
public final class Principals {
    public static final String PREFIX = "/remote.php/dav/principals/users/";

    private final java.util.function.Function<String, Optional<String>> emails;
    private final java.util.function.Function<String, String> displayNames;

    public Principals(java.util.function.Function<String, Optional<String>> emails,
                      java.util.function.Function<String, String> displayNames) {
        this.emails = emails;
        this.displayNames = displayNames;
    }

    public SimResponse handle(SimRequest request, String user) {
        List<String> segments = PathSegments.of(request.path().substring(PREFIX.length()));
        if (segments.size() != 1 || !segments.getFirst().equals(user)) {
            return SabreError.response(404, SabreError.NOT_FOUND, "Principal with name "
                    + (segments.isEmpty() ? "" : segments.getFirst()) + " not found");
        }
        if (!request.method().equals("PROPFIND")) {
            return SabreError.response(501, SabreError.NOT_IMPLEMENTED, "There was no plugin in the system that was "
                    + "willing to handle this " + request.method() + " method.");
        }
        String principal = PREFIX + user + "/";
        List<DavXml.QName> requested = DavXml.parse(request.body()).map(Document::getDocumentElement)
                .flatMap(root -> DavXml.child(root, DAV, "prop"))
                .map(p -> DavXml.children(p).stream().map(DavXml.QName::of).toList())
                .orElse(List.of(new DavXml.QName(DAV, "displayname")));
        Multistatus ms = Multistatus.caldav(true);
        List<Multistatus.Prop> found = new ArrayList<>();
        List<Multistatus.Prop> missing = new ArrayList<>();
        for (DavXml.QName name : requested) {
            String value = switch (name.namespace() + " " + name.local()) {
                case "DAV: displayname" -> DavXml.escape(displayNames.apply(user));
                case "DAV: principal-URL" -> href(principal);
                case Multistatus.CALDAV + " calendar-home-set" -> href("/remote.php/dav/calendars/" + user + "/");
                case Multistatus.CALDAV + " calendar-user-address-set" -> emails.apply(user)
                        .map(mail -> href("mailto:" + mail)).orElse("") + href(principal);
                case Multistatus.CALDAV + " schedule-inbox-URL" -> href("/remote.php/dav/calendars/" + user + "/inbox/");
                case Multistatus.CALDAV + " schedule-outbox-URL" -> href("/remote.php/dav/calendars/" + user + "/outbox/");
                case Multistatus.CARDDAV + " addressbook-home-set" ->
                        href("/remote.php/dav/addressbooks/users/" + user + "/");
                default -> null;
            };
            (value == null ? missing : found).add(new Multistatus.Prop(name, value));
        }
        ms.response(principal, List.of(new Multistatus.PropStat(200, found), new Multistatus.PropStat(404, missing)));
        return SimResponse.xml(207, ms.build());
    }

    private static String href(String path) {
        return "<d:href>" + DavXml.escape(path) + "</d:href>";
    }
}
