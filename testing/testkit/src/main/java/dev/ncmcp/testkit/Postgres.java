package dev.ncmcp.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (the Debian {@code postgresql} package's binaries under
 * {@code /usr/lib/postgresql/<version>/bin}, or {@code -Dncmcp.postgres.bin=DIR}) for integration tests.
 *
 * <p>Each instance runs {@code initdb} into its own temporary directory, starts {@code postgres} on a free
 * loopback port (Unix socket in the same directory), creates the database {@code ncmcp} owned by
 * {@link #USER} (password authentication over TCP) and stops on {@link #close()} or at JVM exit. When the
 * tests run as root the server runs as the {@code postgres} system user (PostgreSQL refuses root), which
 * then owns the temporary directory.
 *
 * <pre>{@code
 * try (Postgres pg = Postgres.start()) {
 *     String url = pg.jdbcUrl();                  // jdbc:postgresql://127.0.0.1:PORT/ncmcp
 *     String other = pg.createDatabase("t1");     // a fresh, empty database on the same server
 * }
 * }</pre>
 */
public final class Postgres implements AutoCloseable {

    public static final String USER = "ncmcp";
    public static final String PASSWORD = "ncmcp-pw";
    public static final String DATABASE = "ncmcp";

    private static final String INSTALL_HINT = "apt-get install -y --no-install-recommends postgresql";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path dir;
    private final Path bin;
    private final int port;
    private final Process process;
    private final String runAs;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private Postgres(Path dir, Path bin, int port, Process process, String runAs) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.process = process;
        this.runAs = runAs;
        this.shutdownHook = new Thread(this::stopAndDelete, "postgres-stop-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a fresh server; fails naming the Debian package when the PostgreSQL binaries are missing. */
    public static Postgres start() throws IOException {
        Path bin = binaries();
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Path dir = Files.createTempDirectory("ncmcp-postgres-");
            try {
                return startIn(dir, bin);
            } catch (IOException e) {
                last = e;
                ServerSupport.deleteTreeQuietly(dir);
            }
        }
        throw last;
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/ncmcp}. */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** The JDBC URL of another database on this server (see {@link #createDatabase(String)}). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return port;
    }

    /** Creates an empty database owned by {@link #USER}; returns its JDBC URL. */
    public String createDatabase(String name) throws IOException {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database names here are lower-case identifiers: " + name);
        }
        run(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", USER, "-O", USER, name), Map.of("PGPASSWORD", PASSWORD), false);
        return jdbcUrl(name);
    }

    /** Creates a database with a generated unique name; returns its JDBC URL. */
    public String createDatabase() throws IOException {
        return createDatabase("db" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid());
    }

    /** The server's log so far, for failure messages. */
    public String log() {
        return ServerSupport.readQuietly(dir.resolve("postgres.log"));
    }

    @Override
    public void close() {
        stopAndDelete();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs (and finds nothing to do)
        }
    }

    private synchronized void stopAndDelete() {
        if (closed) {
            return;
        }
        closed = true;
        // SIGINT is PostgreSQL's "fast" shutdown: it does not wait for clients to disconnect
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        ServerSupport.deleteTreeQuietly(dir);
    }

    /** The newest {@code /usr/lib/postgresql/<version>/bin} with initdb, postgres and createdb. */
    static Path binaries() {
        String configured = System.getProperty("ncmcp.postgres.bin");
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        } else {
            Path base = Path.of("/usr/lib/postgresql");
            if (Files.isDirectory(base)) {
                try (Stream<Path> versions = Files.list(base)) {
                    versions.filter(p -> p.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                            .sorted(Comparator.comparingDouble(
                                    (Path p) -> Double.parseDouble(p.getFileName().toString())).reversed())
                            .map(p -> p.resolve("bin"))
                            .forEach(candidates::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        for (Path candidate : candidates) {
            if (Stream.of("initdb", "postgres", "createdb").allMatch(b -> Files.isExecutable(candidate.resolve(b)))) {
                return candidate;
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries (initdb, postgres, createdb) not found under "
                + (configured != null && !configured.isBlank() ? configured : "/usr/lib/postgresql/*/bin")
                + ". Install the Debian package 'postgresql' with: " + INSTALL_HINT);
    }

    private static Postgres startIn(Path dir, Path bin) throws IOException {
        String runAs = ServerSupport.isRoot() ? "postgres" : null;
        Path data = dir.resolve("data");
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, PASSWORD + "\n", StandardCharsets.UTF_8);
        if (runAs != null) {
            handOver(dir, runAs);
        }
        run(asUser(runAs, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                "--pwfile=" + pwfile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                "--locale=C", "--no-sync")), Map.of(), true);
        int port = ServerSupport.freePort();
        List<String> command = asUser(runAs, List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", Integer.toString(port), "-k", dir.toString(), "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=off", "-c", "full_page_writes=off", "-c", "max_connections=200",
                "-c", "shared_buffers=32MB"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("postgres.log").toFile()).start();
        Postgres postgres = new Postgres(dir, bin, port, process, runAs);
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        IOException notYet = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = postgres.log();
                postgres.close();
                throw new IOException("postgres exited with " + process.exitValue() + " while starting: " + log);
            }
            try {
                postgres.createDatabase(DATABASE);
                return postgres;
            } catch (IOException e) {
                notYet = e;
                ServerSupport.sleep(100, "interrupted while waiting for postgres");
            }
        }
        String log = postgres.log();
        postgres.close();
        throw new IOException("postgres did not accept connections on port " + port + " within " + STARTUP_TIMEOUT
                + " (" + (notYet == null ? "" : notYet.getMessage()) + "); log: " + log);
    }

    /**
     * Runs a server binary as {@code user}: {@code setpriv} execs in place (so the child process is the
     * server itself and signals reach it); {@code runuser} is the fallback.
     */
    private static List<String> asUser(String user, List<String> command) {
        if (user == null) {
            return command;
        }
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
            full.addAll(List.of("/usr/bin/setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups",
                    "--reset-env", "--"));
        } else {
            full.addAll(List.of("runuser", "-u", user, "--"));
        }
        full.addAll(command);
        return full;
    }

    private static void run(List<String> command, Map<String, String> env, boolean loud) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("LC_ALL", "C");
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed with " + p.exitValue()
                    + (loud || !output.isBlank() ? ": " + output.strip() : ""));
        }
    }

    /** PostgreSQL refuses to run as root: the postgres user gets the directory (mode 0700). */
    private static void handOver(Path dir, String user) throws IOException {
        UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Files.setOwner(dir, owner);
        Files.setOwner(dir.resolve("pwfile"), owner);
    }

    @Override
    public String toString() {
        return "Postgres[" + jdbcUrl() + (runAs == null ? "" : ", as " + runAs) + "]";
    }
}
