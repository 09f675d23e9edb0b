package dev.ncmcp.spi.dav;

import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import dev.ncmcp.spi.xml.QName;
import dev.ncmcp.spi.xml.XmlWriter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DavTest {

    /** A calendar home listing as Nextcloud 31 answers it (caldav/03), trimmed. */
    static final String CALENDARS = """
            <?xml version="1.0"?>
            <d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:cal="urn:ietf:params:xml:ns:caldav" xmlns:cs="http://calendarserver.org/ns/" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns">
              <d:response>
                <d:href>/remote.php/dav/calendars/bob/personal/</d:href>
                <d:propstat>
                  <d:prop>
                    <d:displayname>Personal</d:displayname>
                    <d:getlastmodified>Sun, 22 Nov 2026 09:34:37 GMT</d:getlastmodified>
                    <d:resourcetype><d:collection/><cal:calendar/></d:resourcetype>
                    <x1:calendar-color xmlns:x1="http://apple.com/ns/ical/">#0082c9</x1:calendar-color>
                    <cal:supported-calendar-component-set><cal:comp name="VEVENT"/><cal:comp name="VTODO"/></cal:supported-calendar-component-set>
                  </d:prop>
                  <d:status>HTTP/1.1 200 OK</d:status>
                </d:propstat>
                <d:propstat>
                  <d:prop><d:getcontenttype/></d:prop>
                  <d:status>HTTP/1.1 404 Not Found</d:status>
                </d:propstat>
              </d:response>
              <d:response>
                <d:href>http://127.0.0.1:8085/remote.php/dav/calendars/bob/personal/a%20b.ics</d:href>
                <d:status>HTTP/1.1 404 Not Found</d:status>
              </d:response>
            </d:multistatus>""";

    static NextcloudResponse multistatus(String body) {
        return new NextcloudResponse(207, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void multistatusKeepsFoundPropertiesAsElementsAndDeletedMembersWithTheirStatus() throws NextcloudException {
        List<DavEntry> entries = Multistatus.read(multistatus(CALENDARS));
        DavEntry calendar = entries.get(0);
        assertEquals("/remote.php/dav/calendars/bob/personal/", calendar.href());
        assertEquals(Optional.of("Personal"), calendar.dav("displayname"));
        assertEquals(Optional.of(Instant.parse("2026-11-22T09:34:37Z")), calendar.lastModified());
        assertEquals(Optional.of("#0082c9"), calendar.property(new QName(QName.APPLE_ICAL, "calendar-color")));
        assertEquals(Set.of(QName.dav("collection"), QName.caldav("calendar")), calendar.resourceTypes());
        assertTrue(calendar.collection());
        assertEquals(List.of("VEVENT", "VTODO"), calendar.element(QName.caldav("supported-calendar-component-set"))
                .orElseThrow().children().stream().map(comp -> comp.attributes().get("name")).toList());
        assertEquals(Optional.empty(), calendar.dav("getcontenttype"), "404 propstats are not properties");
        DavEntry deleted = entries.get(1);
        assertEquals("/remote.php/dav/calendars/bob/personal/a b.ics", deleted.href());
        assertEquals(404, deleted.status());
        assertFalse(deleted.collection());
        assertEquals(Optional.empty(), deleted.lastModified());
    }

    @Test
    void multistatusRefusesDoctypesAndOtherStatuses() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>&e;</d:href></d:response></d:multistatus>";
        assertThrows(NextcloudException.class, () -> Multistatus.read(multistatus(xxe)));
        assertThrows(NextcloudException.class, () -> Multistatus.read(new NextcloudResponse(200, Map.of(), new byte[0])));
    }

    @Test
    void requestBodiesDeclareThePrefixesAndEscapeText() {
        NextcloudRequest mkcalendar = Dav.mkcalendar("/remote.php/dav/calendars/bob/work/",
                new LinkedHashMap<>(Map.of(QName.dav("displayname"), "Work & <Play>")), List.of("VEVENT"));
        String body = new String(mkcalendar.body(), StandardCharsets.UTF_8);
        assertEquals("MKCALENDAR", mkcalendar.method());
        assertTrue(body.contains("<cal:mkcalendar xmlns:d=\"DAV:\""), body);
        assertTrue(body.contains("<d:displayname>Work &amp; &lt;Play&gt;</d:displayname>"), body);
        assertTrue(body.contains("<cal:comp name=\"VEVENT\"/>"), body);
        NextcloudRequest propfind = Dav.propfind("/x/", 1, List.of(QName.dav("getetag"), QName.owncloud("fileid")));
        assertEquals("1", propfind.header("Depth"));
        assertTrue(new String(propfind.body(), StandardCharsets.UTF_8)
                .contains("<d:prop><d:getetag/><oc:fileid/></d:prop>"));
        assertThrows(IllegalArgumentException.class, () -> XmlWriter.document(new QName("urn:x", "y"), root -> { }));
    }

    @Test
    void homesComeFromDiscoveryNotFromTheLoginName() throws NextcloudException {
        List<NextcloudRequest> sent = new ArrayList<>();
        NextcloudClient client = new NextcloudClient() {
            public String baseUrl() {
                return "http://nc";
            }

            public String loginName() {
                return "bob@example.com";
            }

            public NextcloudResponse send(NextcloudRequest request) {
                sent.add(request);
                return multistatus(request.path().equals(DavDiscovery.ROOT) ? """
                        <d:multistatus xmlns:d="DAV:"><d:response><d:href>/remote.php/dav/</d:href><d:propstat><d:prop>
                        <d:current-user-principal><d:href>/remote.php/dav/principals/users/b%C3%B6b/</d:href></d:current-user-principal>
                        </d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>""" : """
                        <d:multistatus xmlns:d="DAV:" xmlns:cal="urn:ietf:params:xml:ns:caldav" xmlns:card="urn:ietf:params:xml:ns:carddav">
                        <d:response><d:href>/remote.php/dav/principals/users/b%C3%B6b/</d:href><d:propstat><d:prop>
                        <cal:calendar-home-set><d:href>/remote.php/dav/calendars/b%C3%B6b/</d:href></cal:calendar-home-set>
                        <card:addressbook-home-set><d:href>/remote.php/dav/addressbooks/users/b%C3%B6b/</d:href></card:addressbook-home-set>
                        </d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>""");
            }

            public String filesRoot() {
                throw new UnsupportedOperationException();
            }
        };
        String principal = DavDiscovery.principal(client);
        assertEquals("/remote.php/dav/principals/users/b%C3%B6b/", principal);
        assertEquals(Optional.of("/remote.php/dav/files/b%C3%B6b/"), DavDiscovery.filesRoot(principal));
        DavDiscovery.Homes homes = DavDiscovery.homes(client, principal);
        assertEquals(Optional.of("/remote.php/dav/calendars/b%C3%B6b/"), homes.calendars());
        assertEquals(Optional.of("/remote.php/dav/addressbooks/users/b%C3%B6b/"), homes.addressBooks());
        assertEquals(List.of("PROPFIND", "PROPFIND"), sent.stream().map(NextcloudRequest::method).toList());
    }

    /** Radicale answers 403 on Nextcloud's DAV root and redirects /.well-known/caldav to its context path "/". */
    @Test
    void aServerThatIsNotNextcloudNamesItsPrincipalAtTheWellKnownContextPath() throws NextcloudException {
        List<String> asked = new ArrayList<>();
        NextcloudClient client = new NextcloudClient() {
            public String baseUrl() {
                return "http://radicale";
            }

            public String loginName() {
                return "alice";
            }

            public NextcloudResponse send(NextcloudRequest request) {
                asked.add(request.method() + " " + request.path());
                return switch (request.path()) {
                    case DavDiscovery.ROOT -> new NextcloudResponse(403, Map.of(), new byte[0]);
                    case DavDiscovery.WELL_KNOWN -> new NextcloudResponse(301, Map.of("Location", List.of("/")),
                            new byte[0]);
                    default -> multistatus("""
                            <multistatus xmlns="DAV:"><response><href>/</href><propstat><prop><current-user-principal>
                            <href>/alice/</href></current-user-principal></prop><status>HTTP/1.1 200 OK</status></propstat>
                            </response></multistatus>""");
                };
            }

            public String filesRoot() {
                throw new UnsupportedOperationException();
            }
        };
        assertEquals("/alice/", DavDiscovery.principal(client));
        assertEquals(List.of("PROPFIND /remote.php/dav/", "PROPFIND /.well-known/caldav", "PROPFIND /"), asked);
        assertEquals(Optional.empty(), DavDiscovery.filesRoot("/alice/"));
    }

    @Test
    void noPrincipalAnywhereIsAnUpstreamError() {
        NextcloudClient client = new NextcloudClient() {
            public String baseUrl() {
                return "http://apache";
            }

            public String loginName() {
                return "alice";
            }

            public NextcloudResponse send(NextcloudRequest request) {
                return new NextcloudResponse(404, Map.of(), new byte[0]);
            }

            public String filesRoot() {
                throw new UnsupportedOperationException();
            }
        };
        NextcloudException e = assertThrows(NextcloudException.class, () -> DavDiscovery.principal(client));
        assertEquals(dev.ncmcp.spi.ToolException.Kind.UPSTREAM_ERROR, e.kind());
        assertTrue(e.getMessage().contains("/.well-known/caldav"), e.getMessage());
    }

    @Test
    void xmlElementsCarryEscapedAttributesInOrder() {
        String body = XmlWriter.document(QName.caldav("calendar-query"), root -> root.element(
                QName.caldav("comp-filter"), Map.of("name", "VCALENDAR"), calendar -> {
                    Map<String, String> range = new LinkedHashMap<>();
                    range.put("start", "20261207T000000Z");
                    range.put("end", "20261214T000000Z");
                    calendar.empty(QName.caldav("time-range"), range);
                    calendar.text(QName.caldav("text-match"), Map.of("collation", "i;\"x\""), "a<b");
                }));
        assertTrue(body.contains("<cal:comp-filter name=\"VCALENDAR\"><cal:time-range start=\"20261207T000000Z\" "
                + "end=\"20261214T000000Z\"/><cal:text-match collation=\"i;&quot;x&quot;\">a&lt;b</cal:text-match>"
                + "</cal:comp-filter>"), body);
    }

    @Test
    void segmentsArePercentEncodedAndHrefsDecoded() {
        assertEquals("a%20b%23%3F%25%C3%A4", DavPaths.encodeSegment("a b#?%ä"));
        assertEquals("/dav/files/bob/x%2Fy/z", DavPaths.child("/dav/files/bob", List.of("x/y", "z")));
        assertEquals("/a b/ä+", DavPaths.decodeHref("http://h:1/a%20b/%C3%A4+"));
        assertEquals("100%", DavPaths.decode("100%"));
    }
}
