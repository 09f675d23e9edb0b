package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.simulator.SimHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

import static dev.ncmcp.simulator.files.WebDavConflictAnswersTest.assertSabre;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SEARCH as Nextcloud 31 evaluates it: SQL LIKE with backslash escapes, case-insensitive names,
 * the scope folder counted against {@code nresults} but never returned, depth ignored, MIME "like"
 * as part or exact match.
 */
class SearchSemanticsTest {
    private static final String FILES = "/remote.php/dav/files/bob";
    private static final Pattern DISPLAY_NAME = Pattern.compile("<d:displayname>([^<]*)</d:displayname>");
    private NextcloudSimulator sim;
    private SimHttp bob;

    @BeforeEach
    void start() {
        sim = NextcloudSimulator.builder().user("bob", "pw").build().start();
        bob = new SimHttp(sim, "bob", "pw");
        bob.send("MKCOL", FILES + "/reports", null);
        for (String name : List.of("report_a.txt", "report_b.txt", "report_c.md")) {
            assertEquals(201, bob.send("PUT", FILES + "/reports/" + name, "x").statusCode());
        }
        for (String name : List.of("report-2024.txt", "Report2024.txt", "100%25.txt", "profile.txt")) {
            assertEquals(201, bob.send("PUT", FILES + "/" + name, "x").statusCode());
        }
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @Test
    void percentIsAnyRunUnderscoreOneCharacterAndCaseIsIgnored() {
        assertEquals(List.of("reports", "report_a.txt", "report_b.txt", "report_c.md", "report-2024.txt",
                             "Report2024.txt"), names(search("/files/bob", nameLike("report_%"), 0)));
        assertEquals(List.of("report-2024.txt"), names(search("/files/bob", nameLike("report_2024%"), 0)));
        assertEquals(List.of("report_a.txt", "report_b.txt", "report_c.md", "report-2024.txt", "Report2024.txt"),
                     names(search("/files/bob", nameLike("REPORT%.%"), 0)));
    }

    @Test
    void backslashEscapesTheWildcards() {
        assertEquals(List.of("report_a.txt", "report_b.txt", "report_c.md"),
                     names(search("/files/bob", nameLike("report\\_%"), 0)));
        assertEquals(List.of("100%.txt"), names(search("/files/bob", nameLike("%\\%%"), 0)));
    }

    @Test
    void theScopeFolderUsesUpOneResultButIsNeverReturned() {
        assertEquals(List.of("report_a.txt", "report_b.txt", "report_c.md"),
                     names(search("/files/bob/reports", nameLike("report%"), 0)));
        assertEquals(List.of("report_a.txt", "report_b.txt"),
                     names(search("/files/bob/reports", nameLike("report%"), 3)),
                     "the folder 'reports' matched and took one of the 3 rows");
        assertEquals(List.of("report_a.txt", "report_b.txt", "report_c.md"),
                     names(search("/files/bob/reports", nameLike("report%.%"), 3)),
                     "'reports' has no dot, so it takes no row");
    }

    @Test
    void theHomeFolderIsNamedFilesInTheQuery() {
        assertEquals(List.of(), names(search("/files/bob", nameLike("%fil%"), 1)));
        assertEquals(List.of("profile.txt"), names(search("/files/bob", nameLike("%fil%"), 2)));
    }

    @Test
    void depthOneStillSearchesTheWholeTree() {
        String body = search("/files/bob", nameLike("report\\_a%"), 0).replace("<d:depth>infinity</d:depth>",
                                                                                 "<d:depth>1</d:depth>");
        assertEquals(List.of("report_a.txt"), names(body));
    }

    @Test
    void mimeTypeLikeComparesThePartOrTheWholeType() {
        assertEquals(List.of("report_a.txt", "report_b.txt", "report_c.md", "report-2024.txt", "Report2024.txt",
                             "100%.txt", "profile.txt"), names(search("/files/bob", mimeLike("text/%"), 0)));
        assertEquals(List.of("report_a.txt", "report_b.txt", "report-2024.txt", "Report2024.txt", "100%.txt",
                             "profile.txt"), names(search("/files/bob", mimeLike("text/plain"), 0)));
        assertEquals(List.of(), names(search("/files/bob", mimeLike("text/pl_in"), 0)), "no wildcard here");
        HttpResponse<String> refused = sendSearch(search("/files/bob", mimeLike("te%"), 0));
        assertSabre(refused, 500, "InvalidArgumentException", "Unsupported query value for mimetype: te%, only values "
                    + "in the format \"mime/type\" or \"mime/%\" are supported");
    }

    private List<String> names(String searchBody) {
        HttpResponse<String> response = sendSearch(searchBody);
        assertEquals(207, response.statusCode(), response.body());
        return DISPLAY_NAME.matcher(response.body()).results().map(m -> m.group(1)).toList();
    }

    private HttpResponse<String> sendSearch(String body) {
        return bob.send("SEARCH", "/remote.php/dav/", body, "Content-Type", "text/xml");
    }

    private static String nameLike(String literal) {
        return "<d:like><d:prop><d:displayname/></d:prop><d:literal>" + literal.replace("&", "&amp;")
                + "</d:literal></d:like>";
    }

    private static String mimeLike(String literal) {
        return "<d:like><d:prop><d:getcontenttype/></d:prop><d:literal>" + literal + "</d:literal></d:like>";
    }

    private static String search(String scope, String where, int limit) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <d:searchrequest xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns">
                  <d:basicsearch>
                    <d:select><d:prop><d:displayname/></d:prop></d:select>
                    <d:from><d:scope><d:href>%s</d:href><d:depth>infinity</d:depth></d:scope></d:from>
                    <d:where>%s</d:where>
                    %s
                  </d:basicsearch>
                </d:searchrequest>
                """.formatted(scope, where, limit > 0 ? "<d:limit><d:nresults>" + limit + "</d:nresults></d:limit>" : "");
    }
}
