package dev.ncmcp.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Radicale 3 (CalDAV and CardDAV, Debian package {@code radicale}) on a free loopback port, with one user
 * ({@code alice} / {@code alice-pw}, htpasswd) and its own temporary storage, for integration tests of calendar and
 * contact code against a real peer.
 *
 * <p>Radicale is not Nextcloud: its paths are {@code /alice/<collection>/} and it names its principal only at its
 * root (Nextcloud's {@code /remote.php/dav/} answers 403; {@code /.well-known/caldav} redirects to {@code /}), so code
 * that finds collections by discovery works against both. It does not expand recurrences on the server
 * ({@code <c:expand>} is ignored) and answers DELETE with 200 and a body.
 *
 * <pre>{@code
 * try (Radicale radicale = Radicale.start()) {
 *     String url = radicale.baseUrl();      // http://127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class Radicale implements AutoCloseable {

    public static final String USER = "alice";
    public static final String PASSWORD = "alice-pw";

    private static final Path BINARY = Path.of(System.getProperty("ncmcp.radicale", "/usr/bin/radicale"));
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    /**
     * Radicale's server (wsgiref) answers in HTTP/1.0 and closes every connection without saying so; the JDK's
     * HTTP client then sometimes reuses a pooled connection that is already closed. Radicale itself is unchanged;
     * its answers just carry {@code Connection: close}, as a reverse proxy in front of it would add.
     */
    private static final String LAUNCHER = """
            import sys, wsgiref.handlers
            _cleanup = wsgiref.handlers.BaseHandler.cleanup_headers
            def cleanup_headers(self):
                _cleanup(self)
                self.headers['Connection'] = 'close'
            wsgiref.handlers.BaseHandler.cleanup_headers = cleanup_headers
            from radicale.__main__ import run
            sys.argv[0] = 'radicale'
            run()
            """;
    private static final String INSTALL_HINT = "apt-get install -y --no-install-recommends radicale apache2-utils";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);

    private final Path dir;
    private final int port;
    private final Process process;

    private Radicale(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts a fresh server; fails with the install command when Radicale is not installed. */
    public static Radicale start() throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("Radicale is not installed (" + BINARY + " is needed). Install it with: "
                    + INSTALL_HINT);
        }
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Path dir = Files.createTempDirectory("ncmcp-radicale-");
            try {
                return startIn(dir);
            } catch (IOException e) {
                last = e;
                ServerSupport.deleteTreeQuietly(dir);
            }
        }
        throw last;
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Where Radicale stores the collections (one folder per calendar or address book, one file per object). */
    public Path storage() {
        return dir.resolve("collections");
    }

    /** Radicale's log so far, for failure messages. */
    public String log() {
        return ServerSupport.readQuietly(dir.resolve("radicale.log"));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ServerSupport.deleteTreeQuietly(dir);
    }

    private static Radicale startIn(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("collections"));
        writeUsers(dir.resolve("users"));
        int port = ServerSupport.freePort();
        Path config = dir.resolve("config");
        Files.writeString(config, config(dir, port), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(PYTHON.toString(), "-c", LAUNCHER, "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("radicale.log").toFile())
                .start();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("radicale exited with " + process.exitValue() + " while starting: "
                        + ServerSupport.readQuietly(dir.resolve("radicale.log")).strip());
            }
            if (answers(port)) {
                return new Radicale(dir, port, process);
            }
            ServerSupport.sleep(50, "interrupted while waiting for radicale");
        }
        process.destroyForcibly();
        throw new IOException("radicale did not answer on port " + port + " within " + STARTUP_TIMEOUT);
    }

    private static String config(Path dir, int port) {
        String d = dir.toAbsolutePath().toString();
        return """
                [server]
                hosts = 127.0.0.1:%d
                [auth]
                type = htpasswd
                htpasswd_filename = %s/users
                htpasswd_encryption = %s
                [rights]
                type = owner_only
                [storage]
                filesystem_folder = %s/collections
                [logging]
                level = warning
                mask_passwords = True
                [web]
                type = none
                """.formatted(port, d, Files.isExecutable(Path.of("/usr/bin/htpasswd")) ? "md5" : "plain", d);
    }

    /** An htpasswd file: MD5 (apr1) via htpasswd where installed, else plain (Radicale accepts both when told). */
    private static void writeUsers(Path file) throws IOException {
        Path htpasswd = Path.of("/usr/bin/htpasswd");
        if (Files.isExecutable(htpasswd)) {
            try {
                Process p = new ProcessBuilder(htpasswd.toString(), "-b", "-c", "-m", file.toString(), USER, PASSWORD)
                        .redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.size(file) > 0) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running htpasswd", e);
            }
        }
        Files.writeString(file, USER + ":" + PASSWORD + "\n");
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "Radicale[" + baseUrl() + "/" + USER + "/]";
    }
}
