package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.simulator.SimHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stored MIME types (by extension) versus the secure types Nextcloud serves.
 */
class ContentTypesTest {
    private static final String FILES = "/remote.php/dav/files/bob";
    private NextcloudSimulator sim;
    private SimHttp bob;

    @BeforeEach
    void start() {
        sim = NextcloudSimulator.builder().user("bob", "pw").build().start();
        bob = new SimHttp(sim, "bob", "pw");
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @ParameterizedTest
    @CsvSource({
        "logo.svg, image/svg+xml, text/plain;charset=UTF-8",
        "config.yaml, application/yaml, text/plain;charset=UTF-8",
        "config.YML, application/yaml, text/plain;charset=UTF-8",
        "page.html, text/html, text/plain;charset=UTF-8",
        "app.js, application/javascript, text/plain;charset=UTF-8",
        "data.json, application/json, text/plain;charset=UTF-8",
        "feed.xml, application/xml, text/plain;charset=UTF-8",
        "script.php, application/x-php, text/x-php;charset=UTF-8",
        "notes.md, text/markdown, text/markdown;charset=UTF-8",
        "readme.txt, text/plain, text/plain;charset=UTF-8",
        "photo.png, image/png, image/png",
        "report.pdf, application/pdf, application/pdf",
        "movie.swf, application/x-shockwave-flash, application/octet-stream",
        "archive.unknownext, application/octet-stream, application/octet-stream",
        "Makefile, application/octet-stream, application/octet-stream",
        ".hidden.txt, text/plain, text/plain;charset=UTF-8",
        "draft.txt.v1700000000, text/plain, text/plain;charset=UTF-8"
    })
    void getServesTheSecureTypeWhilePropfindShowsTheStoredOne(String name, String stored, String served) {
        assertEquals(201, bob.send("PUT", FILES + "/" + name, "content").statusCode());
        assertEquals(served, bob.send("GET", FILES + "/" + name, null).headers().firstValue("Content-Type").orElseThrow());
        assertEquals(served, bob.send("HEAD", FILES + "/" + name, null).headers().firstValue("Content-Type").orElseThrow());
        String propfind = bob.send("PROPFIND", FILES + "/" + name, """
                <?xml version="1.0"?>
                <d:propfind xmlns:d="DAV:"><d:prop><d:getcontenttype/></d:prop></d:propfind>
                """, "Depth", "0").body();
        assertTrue(propfind.contains("<d:getcontenttype>" + stored + "</d:getcontenttype>"), propfind);
    }

    @Test
    void searchComparesTheStoredTypeButShowsTheSecureOne() {
        bob.send("PUT", FILES + "/data.json", "{}");
        bob.send("PUT", FILES + "/logo.svg", "<svg/>");
        String body = bob.send("SEARCH", "/remote.php/dav/", """
                <?xml version="1.0" encoding="UTF-8"?>
                <d:searchrequest xmlns:d="DAV:">
                  <d:basicsearch>
                    <d:select><d:prop><d:displayname/><d:getcontenttype/></d:prop></d:select>
                    <d:from><d:scope><d:href>/files/bob</d:href><d:depth>infinity</d:depth></d:scope></d:from>
                    <d:where><d:eq><d:prop><d:getcontenttype/></d:prop><d:literal>application/json</d:literal></d:eq></d:where>
                  </d:basicsearch>
                </d:searchrequest>
                """, "Content-Type", "text/xml").body();
        assertTrue(body.contains("<d:displayname>data.json</d:displayname>"), body);
        assertTrue(body.contains("<d:getcontenttype>text/plain</d:getcontenttype>"), body);
        assertTrue(!body.contains("logo.svg"), body);
    }

    @Test
    void reportShowsTheSecureType() {
        bob.send("PUT", FILES + "/logo.svg", "<svg/>");
        bob.send("PROPPATCH", FILES + "/logo.svg", """
                <?xml version="1.0"?>
                <d:propertyupdate xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns">
                  <d:set><d:prop><oc:favorite>1</oc:favorite></d:prop></d:set>
                </d:propertyupdate>
                """);
        String body = bob.send("REPORT", FILES + "/", """
                <?xml version="1.0"?>
                <oc:filter-files xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns">
                  <d:prop><d:getcontenttype/></d:prop>
                  <oc:filter-rules><oc:favorite>1</oc:favorite></oc:filter-rules>
                </oc:filter-files>
                """).body();
        assertTrue(body.contains("<d:getcontenttype>text/plain</d:getcontenttype>"), body);
    }
}
