package dev.ncmcp.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin guide's example ({@code examples/bookmarks-plugin}), a standalone jar built against the BOM, dropped
 * into the plugins directory of the packaged sidecar: found, its configuration key listed and validated.
 */
class ExternalPluginTest {

    private static final String KEY = "plugins.bookmarks.results.max (PLUGINS_BOOKMARKS_RESULTS_MAX)";

    @Test
    void helpListsTheKeysOfAPluginFoundInThePluginsDirectory() throws IOException {
        ProcessRunner.Result help = run(List.of("--help"), Map.of());

        assertEquals(0, help.exitCode(), help.describe());
        assertTrue(help.output().contains(KEY + ", default 50: The most bookmarks one search returns"), help.output());
    }

    @Test
    void theSidecarStartsWithThePluginConfigured() {
        Path jar = bookmarksJar();
        try (SidecarProcess sidecar = SidecarProcess.start(SidecarProcess.Options.demo().withPluginJars(List.of(jar))
                .withEnvironment(Map.of("PLUGINS_BOOKMARKS_RESULTS_MAX", "5")))) {
            assertTrue(sidecar.output().contains(jar.getFileName().toString()), sidecar.output());
            assertTrue(sidecar.output().contains("2 tools"), sidecar.output());
        }
    }

    @Test
    void aValueOutOfRangeStopsTheSidecarNamingKeyAndJar() throws IOException {
        ProcessRunner.Result result = run(List.of(), Map.of("PLUGINS_BOOKMARKS_RESULTS_MAX", "0"));

        assertEquals(2, result.exitCode(), result.describe());
        assertTrue(result.output().contains(KEY + ": must be between 1 and 500, got 0"), result.output());
        assertTrue(result.output().contains("ncmcp-bookmarks-plugin.jar"), result.output());
    }

    private static ProcessRunner.Result run(List<String> arguments, Map<String, String> extra) throws IOException {
        Path directory = Files.createTempDirectory("ncmcp-external-plugin-");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("NEXTCLOUD_") || k.startsWith("SERVER_") || k.startsWith("PLUGINS_"));
        env.put("SERVER_HOST", "127.0.0.1");
        env.put("SERVER_PORT", "0");
        env.put("STORE_DATA", directory.resolve("data").toString());
        env.put("PLUGINS_DIRECTORY", SidecarProcess.pluginsDirectory(List.of(bookmarksJar())).toString());
        env.putAll(extra);
        List<String> command = new java.util.ArrayList<>(List.of(SidecarProcess.javaExecutable(), "-jar",
                SidecarProcess.serverJar().toString()));
        command.addAll(arguments);
        return ProcessRunner.run(command, directory, env, Duration.ofSeconds(60));
    }

    /** Copied by the pom into target/fixture-plugins, like the conformance fixtures. */
    private static Path bookmarksJar() {
        Path jar = Path.of(System.getProperty("ncmcp.fixture.plugins", Paths2.target().resolve("fixture-plugins")
                .toString()), "ncmcp-bookmarks-plugin.jar");
        assertTrue(Files.isRegularFile(jar), "the example plugin jar was not built: " + jar);
        return jar;
    }
}
