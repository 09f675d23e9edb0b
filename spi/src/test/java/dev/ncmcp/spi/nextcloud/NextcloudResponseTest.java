package dev.ncmcp.spi.nextcloud;

import dev.ncmcp.spi.ToolException.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NextcloudResponseTest {

    /** Tables answers a table the user may not see with an empty text/html 404; Nextcloud's error pages are HTML. */
    @ParameterizedTest
    @ValueSource(strings = {"", " ", "x", "<html><body>Not found</body></html>", "{\"a\":"})
    void aBodyThatIsNotJsonIsAnUpstreamErrorNotAJsonException(String body) {
        NextcloudResponse response = new NextcloudResponse(404, Map.of("Content-Type", List.of("text/html")),
                body.getBytes(StandardCharsets.UTF_8));
        NextcloudException e = assertThrows(NextcloudException.class, response::json);
        assertEquals(Kind.UPSTREAM_ERROR, e.kind());
        assertEquals("Nextcloud answered HTTP 404 with a body that is not JSON", e.getMessage());
    }
}
