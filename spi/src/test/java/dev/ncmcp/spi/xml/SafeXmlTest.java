package dev.ncmcp.spi.xml;

import dev.ncmcp.spi.dav.Multistatus;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SafeXmlTest {

    @Test
    void externalEntitiesAreRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <d:multistatus xmlns:d="DAV:"><d:response><d:href>&x;</d:href></d:response></d:multistatus>
                """;

        assertThrows(SAXException.class, () -> SafeXml.parse(xxe.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void namespacesAreUnderstood() throws Exception {
        String xml = "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/a%20b/</d:href><d:propstat><d:prop>"
                + "<d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status>"
                + "</d:propstat></d:response></d:multistatus>";

        var entries = Multistatus.read(new NextcloudResponse(207, Map.of(), xml.getBytes(StandardCharsets.UTF_8)));

        assertEquals(1, entries.size());
        assertEquals("/a b/", entries.getFirst().href());
        assertEquals(true, entries.getFirst().collection());
    }
}
