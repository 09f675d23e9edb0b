package dev.ncmcp.spi.tool;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecordJsonTest {

    @Test
    void aRecordIsWrittenAsItsResultWouldBe() {
        ToolTest.Hit hit = new ToolTest.Hit("a", ToolTest.Kind.LINK_SHARE, Optional.empty(), List.of(3));
        assertEquals(ToolTest.json("{\"title\":\"a\",\"kind\":\"link-share\",\"scores\":[3]}"), RecordJson.of(hit));
        assertEquals(ToolTest.json("{\"title\":\"b\",\"kind\":\"file\",\"etag\":\"e\",\"scores\":[]}"),
                RecordJson.of(new ToolTest.Hit("b", ToolTest.Kind.FILE, Optional.of("e"), List.of())));
    }
}
