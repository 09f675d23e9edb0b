package dev.ncmcp.server.nextcloud;

import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

import java.nio.charset.StandardCharsets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
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

        var entries = Multistatus.parse(SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8)));

        assertThat(entries.size(), is(1));
        assertThat(entries.getFirst().href(), is("/a b/"));
        assertThat(entries.getFirst().collection(), is(true));
    }
}
