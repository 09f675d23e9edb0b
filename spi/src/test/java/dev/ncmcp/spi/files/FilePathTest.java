package dev.ncmcp.spi.files;

import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.dav.DavPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilePathTest {

    private static final String ROOT = "/remote.php/dav/files/alice/";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/a/b|/a/b",
            "a/b|/a/b",
            "./a|/a",
            "a//b/|/a/b",
            "/|/",
            "''|/",
            ".|/",
            "/a/./b/../c|/a/c",
            "a/b/../..|/",
            "/a/b/..|/a",
            "/x/../y/./z//|/y/z",
            "'  '|/",
    })
    void normalises(String raw, String expected) throws ToolException {
        assertEquals(expected, FilePath.parse("path", raw).path());
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "/..", "../a", "/a/../..", "a/../../b", "./../etc/passwd", "/a/b/../../../c"})
    void rejectsEscapesAboveTheRoot(String raw) {
        ToolException e = assertThrows(ToolException.class, () -> FilePath.parse("path", raw));
        assertEquals(ToolException.Kind.INVALID_ARGUMENT, e.kind());
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "line\nbreak", "tab\there", "del\u007f"})
    void rejectsControlCharacters(String raw) {
        ToolException e = assertThrows(ToolException.class, () -> FilePath.parse("path", raw));
        assertEquals(ToolException.Kind.INVALID_ARGUMENT, e.kind());
    }

    @Test
    void nullMeansRoot() throws ToolException {
        assertTrue(FilePath.parse("path", null).isRoot());
    }

    @Test
    void dotsInsideNamesAreKept() throws ToolException {
        assertEquals("/..hidden/a..b/...", FilePath.parse("p", "/..hidden/a..b/...").path());
    }

    @Test
    void encodesEachSegment() throws ToolException {
        FilePath path = FilePath.parse("path", "/My Docs/a#b?c%d/Ünïcødé €.txt");
        assertEquals("My%20Docs/a%23b%3Fc%25d/%C3%9Cn%C3%AFc%C3%B8d%C3%A9%20%E2%82%AC.txt", path.encoded());
        assertEquals(ROOT + "My%20Docs/a%23b%3Fc%25d/%C3%9Cn%C3%AFc%C3%B8d%C3%A9%20%E2%82%AC.txt", path.href(ROOT, false));
        assertEquals(ROOT + "My%20Docs/", FilePath.parse("p", "My Docs").href(ROOT, true));
        assertEquals(ROOT, FilePath.ROOT.href(ROOT, true));
        assertEquals(ROOT, FilePath.ROOT.href(ROOT, false));
    }

    @Test
    void keepsUnreservedCharactersAndEncodesTheRest() {
        assertEquals("AZaz09-._~", DavPaths.encodeSegment("AZaz09-._~"));
        assertEquals("%2B%26%3D%40%3A%2C%3B%21%27%28%29%2A%5C", DavPaths.encodeSegment("+&=@:,;!'()*\\"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/a", "/My Docs/x y.txt", "/a#b/c?d/e%20f", "/Ünïcødé/日本語.md", "/+plus/&amp"})
    void encodedHrefDecodesBackToThePath(String raw) throws ToolException {
        FilePath path = FilePath.parse("path", raw);
        String decodedHref = DavPaths.decode(path.href(ROOT, false));
        assertEquals(Optional.of(path), FilePath.fromHref(decodedHref, ROOT));
        assertEquals(Optional.of(path), FilePath.fromHref(decodedHref + "/", ROOT));
    }

    @Test
    void mapsHrefsBackToUserPaths() {
        assertEquals("/", FilePath.fromHref("/remote.php/dav/files/alice/", ROOT).orElseThrow().path());
        assertEquals("/", FilePath.fromHref("/remote.php/dav/files/alice", ROOT).orElseThrow().path());
        assertEquals("/Docs", FilePath.fromHref("/remote.php/dav/files/alice/Docs/", ROOT).orElseThrow().path());
        assertEquals("/a b/c#d", FilePath.fromHref("http://cloud:8080/remote.php/dav/files/alice/a b/c#d", ROOT)
                .orElseThrow().path());
        assertEquals(Optional.empty(), FilePath.fromHref("/remote.php/dav/files/bob/x", ROOT));
        assertEquals(Optional.empty(), FilePath.fromHref("/remote.php/dav/files/alice2/x", ROOT));
        assertEquals(Optional.empty(), FilePath.fromHref("/remote.php/dav/files/alice/../bob/x", ROOT));
    }

    @Test
    void worksWithAnEncodedFilesRoot() {
        String encodedRoot = "/remote.php/dav/files/j%C3%BCrgen%20k/";
        assertEquals("/x", FilePath.fromHref("/remote.php/dav/files/jürgen k/x", encodedRoot).orElseThrow().path());
        assertEquals(encodedRoot, FilePath.encodeRoot(encodedRoot));
        assertEquals(encodedRoot, FilePath.encodeRoot("/remote.php/dav/files/jürgen k"));
    }

    @Test
    void parentChildAndContainment() throws ToolException {
        FilePath path = FilePath.parse("p", "/a/b/c");
        assertEquals("/a/b", path.parent().path());
        assertEquals("c", path.name());
        assertEquals(List.of("a", "b", "c"), path.segments());
        assertEquals(FilePath.ROOT, FilePath.ROOT.parent());
        assertTrue(FilePath.parse("p", "/a").contains(path));
        assertTrue(!FilePath.parse("p", "/a/bc").contains(FilePath.parse("p", "/a/b")));
        assertEquals("/a/b/d", path.parent().child("d").path());
    }

    @Test
    void decodeLenientKeepsMalformedSequences() {
        assertEquals("100% sure", DavPaths.decode("100% sure"));
        assertEquals("a b%zz", DavPaths.decode("a%20b%zz"));
    }
}
