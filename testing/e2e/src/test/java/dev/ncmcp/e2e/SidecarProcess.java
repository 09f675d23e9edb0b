package dev.ncmcp.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged sidecar ({@code server/target/ncmcp-server.jar}) as a child process on a free loopback port,
 * run by the JDK that runs the tests. Without {@code NEXTCLOUD_URL} it starts in demo mode against its
 * embedded Nextcloud simulator.
 */
public final class SidecarProcess implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    static final Pattern READY = Pattern.compile("MCP endpoint: (https?://\\S+)");

    private final Process process;
    private final StringBuilder log;
    private final String url;

    private SidecarProcess(Process process, String url, StringBuilder log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** Options for {@link #start}. */
    public record Options(List<Path> extraPluginJars, Map<String, String> environment, Path workingDirectory) {
        public static Options demo() {
            return new Options(List.of(), Map.of(), null);
        }

        public Options withPluginJars(List<Path> jars) {
            return new Options(jars, environment, workingDirectory);
        }

        /** Adds environment variables (e.g. {@code SECURITY_MODE}); later values win. */
        public Options withEnvironment(Map<String, String> extra) {
            Map<String, String> all = new HashMap<>(environment);
            all.putAll(extra);
            return new Options(extraPluginJars, Map.copyOf(all), workingDirectory);
        }

        /**
         * Runs the sidecar in {@code directory} instead of the repository root, so that no {@code ./sidecar.yaml}
         * is picked up and the environment plus the jar's defaults are the whole configuration.
         */
        public Options inDirectory(Path directory) {
            return new Options(extraPluginJars, environment, directory);
        }
    }

    /** The server jar (system property {@code ncmcp.server.jar} overrides); fails with a hint when it was not built. */
    static Path serverJar() {
        String configured = System.getProperty("ncmcp.server.jar");
        Path jar = configured != null && !configured.isBlank() ? Path.of(configured)
                : Paths2.root().resolve("server/target/ncmcp-server.jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " does not exist: build it first (./mvnw -DskipTests package)");
        }
        return jar;
    }

    /** The java launcher of the JVM running this test (JDK 21+). */
    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .filter(c -> Path.of(c).getFileName().toString().startsWith("java"))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    public static SidecarProcess start(Options options) {
        Path jar = serverJar();
        int port = freePort();
        List<String> command = List.of(javaExecutable(), "-jar", jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory((options.workingDirectory() != null ? options.workingDirectory() : Paths2.root()).toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        // Demo mode unless the caller says otherwise: never inherit a real Nextcloud from the environment.
        env.keySet().removeIf(k -> k.startsWith("NEXTCLOUD_") || k.startsWith("SERVER_") || k.startsWith("SECURITY_")
                || k.startsWith("STORE_") || k.startsWith("OAUTH_")
                || k.equals("PLUGINS_DIRECTORY"));
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("STORE_DATA", storeDirectory().toString());
        env.put("SERVER_HOST", "127.0.0.1");
        if (!options.extraPluginJars().isEmpty()) {
            env.put("PLUGINS_DIRECTORY", pluginsDirectory(options.extraPluginJars()).toString());
        }
        env.putAll(options.environment());

        System.out.println("[e2e] starting sidecar on port " + port + ": " + String.join(" ", command)
                + (env.containsKey("PLUGINS_DIRECTORY") ? " (PLUGINS_DIRECTORY=" + env.get("PLUGINS_DIRECTORY") + ")" : ""));
        Process process;
        try {
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sidecar", e);
        }

        StringBuilder log = new StringBuilder();
        CountDownLatch ready = new CountDownLatch(1);
        String[] endpoint = new String[1];
        Thread.ofVirtual().start(() -> {
            try (var reader = process.inputReader()) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    System.out.println("  sidecar| " + line);
                    Matcher m = READY.matcher(line);
                    if (endpoint[0] == null && m.find()) {
                        endpoint[0] = m.group(1);
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // process ended
            } finally {
                ready.countDown();
            }
        });
        boolean started;
        try {
            started = ready.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) && endpoint[0] != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started = false;
        }
        if (!started) {
            String alive = process.isAlive() ? "still running" : "exited with " + process.exitValue();
            stop(process);
            String output;
            synchronized (log) {
                output = log.toString();
            }
            throw new AssertionError("the sidecar did not log 'MCP endpoint:' within " + START_TIMEOUT
                    + " (" + alive + "). Its output:\n" + output);
        }
        // Always talk to the loopback address we bound, whatever host name the log line shows.
        String url = "http://127.0.0.1:" + port + "/mcp";
        System.out.println("[e2e] sidecar ready: logged " + endpoint[0] + ", using " + url);
        return new SidecarProcess(process, url, log);
    }

    /** The MCP endpoint, {@code http://127.0.0.1:PORT/mcp}. */
    public String url() {
        return url;
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return url.substring(0, url.length() - "/mcp".length());
    }

    /** What the sidecar printed so far. */
    public String output() {
        synchronized (log) {
            return log.toString();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        stop(process);
    }

    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** A fresh directory holding copies of the given plugin jars. */
    static Path pluginsDirectory(List<Path> jars) {
        try {
            Path dir = Files.createTempDirectory(ensure(Paths2.target()), "plugins-");
            for (Path jar : jars) {
                if (!Files.isRegularFile(jar)) {
                    throw new AssertionError("plugin jar " + jar + " does not exist");
                }
                Files.copy(jar, dir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The conformance fixtures plugin jar, copied by the pom into target/fixture-plugins. */
    static Path conformanceFixturesJar() {
        String configured = System.getProperty("ncmcp.fixture.plugins");
        List<Path> candidates = new ArrayList<>();
        if (configured != null) {
            candidates.add(Path.of(configured, "ncmcp-conformance-fixtures.jar"));
        }
        candidates.add(Paths2.root().resolve("testing/conformance-fixtures/target/ncmcp-conformance-fixtures-0.1.0-SNAPSHOT.jar"));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new AssertionError(
                "the conformance fixtures jar was not found at " + candidates
                        + ": build it first (./mvnw -DskipTests install)"));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path ensure(Path dir) throws IOException {
        return Files.createDirectories(dir);
    }

    /** A fresh directory for the sidecar's store (SQLite file and key), never the working tree. */
    private static Path storeDirectory() {
        try {
            return java.nio.file.Files.createTempDirectory("ncmcp-store-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Map<String, String> env(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
