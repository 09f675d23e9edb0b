package dev.ncmcp.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache httpd 2.4 with mod_dav serving {@code /remote.php/dav/files/alice} (Basic auth
 * {@code alice} / {@code alice-pw}), for integration tests of WebDAV code against a real peer.
 *
 * <p>Each instance has its own temporary ServerRoot and a free loopback port; {@link #close()} stops
 * the server (and its worker processes) and deletes the directory. Apache answers like Nextcloud for
 * the core verbs but has no WebDAV SEARCH, no {@code oc:filter-files} REPORT and no
 * {@code current-user-principal}; a file changed less than a second ago has a weak ETag.
 *
 * <pre>{@code
 * try (ApacheDav dav = ApacheDav.start()) {
 *     String url = dav.baseUrl();           // http://127.0.0.1:PORT
 *     Path files = dav.root();              // what /remote.php/dav/files/alice/ serves
 * }
 * }</pre>
 */
public final class ApacheDav implements AutoCloseable {

    public static final String USER = "alice";
    public static final String PASSWORD = "alice-pw";
    public static final String FILES_PATH = "/remote.php/dav/files/" + USER;

    private static final Path BINARY = Path.of(System.getProperty("ncmcp.apache2", "/usr/sbin/apache2"));
    private static final Path MODULES = Path.of("/usr/lib/apache2/modules");
    private static final String INSTALL_HINT =
            "apt-get install -y --no-install-recommends apache2 apache2-utils";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(15);

    private final Path serverRoot;
    private final Path root;
    private final int port;
    private final Process process;

    private ApacheDav(Path serverRoot, int port, Process process) {
        this.serverRoot = serverRoot;
        this.root = serverRoot.resolve("root");
        this.port = port;
        this.process = process;
    }

    /** Starts a fresh server; fails with the install command when Apache is not installed. */
    public static ApacheDav start() throws IOException {
        if (!Files.isExecutable(BINARY) || !Files.isRegularFile(MODULES.resolve("mod_dav_fs.so"))) {
            throw new IllegalStateException("Apache httpd with mod_dav is not installed (" + BINARY
                    + " and " + MODULES + "/mod_dav_fs.so are needed). Install it with: " + INSTALL_HINT);
        }
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Path dir = Files.createTempDirectory("ncmcp-apache-dav-");
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

    /** The directory served as {@code /remote.php/dav/files/alice/}. */
    public Path root() {
        return root;
    }

    /** The full URL of the files root, ending with {@code /}. */
    public String filesUrl() {
        return baseUrl() + FILES_PATH + "/";
    }

    /** Apache's error log so far, for failure messages. */
    public String errorLog() {
        return ServerSupport.readQuietly(serverRoot.resolve("logs/error.log"));
    }

    /** Apache's access log so far ({@code client user "request line" status bytes}). */
    public String accessLog() {
        return ServerSupport.readQuietly(serverRoot.resolve("logs/access.log"));
    }

    @Override
    public void close() {
        stop(process);
        ServerSupport.deleteTreeQuietly(serverRoot);
    }

    private static ApacheDav startIn(Path dir) throws IOException {
        for (String sub : List.of("root", "logs", "run", "lock")) {
            Files.createDirectories(dir.resolve(sub));
        }
        writeUsers(dir.resolve("users"));
        int port = ServerSupport.freePort();
        boolean root = ServerSupport.isRoot();
        String runAs = root ? workerUser() : null;
        Path conf = dir.resolve("httpd.conf");
        Files.writeString(conf, config(dir, port, runAs), StandardCharsets.UTF_8);
        if (runAs != null) {
            handOver(dir, runAs);
        }
        ProcessBuilder builder = new ProcessBuilder(BINARY.toString(), "-f", conf.toString(), "-DFOREGROUND")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("logs/console.log").toFile());
        Process process = builder.start();
        ApacheDav dav = new ApacheDav(dir, port, process);
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String console = ServerSupport.readQuietly(dir.resolve("logs/console.log"));
                String error = ServerSupport.readQuietly(dir.resolve("logs/error.log"));
                throw new IOException("apache2 exited with " + process.exitValue() + " while starting: "
                        + console.strip() + " " + error.strip());
            }
            if (answers(port)) {
                return dav;
            }
            ServerSupport.sleep(50, "interrupted while waiting for apache2");
        }
        stop(process);
        throw new IOException("apache2 did not answer on port " + port + " within " + STARTUP_TIMEOUT);
    }

    private static String config(Path dir, int port, String runAs) {
        String d = dir.toAbsolutePath().toString();
        StringBuilder conf = new StringBuilder();
        conf.append("ServerRoot ").append(d).append('\n')
                .append("ServerName 127.0.0.1\n")
                .append("Listen 127.0.0.1:").append(port).append('\n')
                .append("PidFile ").append(d).append("/run/httpd.pid\n")
                .append("DefaultRuntimeDir ").append(d).append("/run\n")
                .append("ErrorLog ").append(d).append("/logs/error.log\n")
                .append("LogLevel warn\n")
                .append("LogFormat \"%h %u \\\"%r\\\" %>s %b\" common\n")
                .append("CustomLog ").append(d).append("/logs/access.log common\n");
        if (runAs != null) {
            conf.append("User ").append(runAs).append('\n').append("Group ").append(groupOf(runAs)).append('\n');
        }
        for (String module : List.of("mpm_event", "authz_core", "authz_user", "authn_core", "authn_file",
                "auth_basic", "dav", "dav_fs", "mime", "alias", "dir")) {
            conf.append("LoadModule ").append(module).append("_module ")
                    .append(MODULES.resolve("mod_" + module + ".so")).append('\n');
        }
        if (Files.isReadable(Path.of("/etc/mime.types"))) {
            conf.append("TypesConfig /etc/mime.types\n");
        } else {
            conf.append("TypesConfig /dev/null\n");
        }
        conf.append("""
                AddType text/markdown .md
                AddType application/json .json
                AddType text/plain .txt
                StartServers 1
                ServerLimit 1
                ThreadsPerChild 25
                MaxRequestWorkers 25
                Timeout 30
                """);
        conf.append("DavLockDB ").append(d).append("/lock/DavLock\n")
                .append("Alias ").append(FILES_PATH).append(' ').append(d).append("/root\n")
                .append("<Directory ").append(d).append("/root>\n")
                .append("  Dav On\n")
                .append("  DavDepthInfinity On\n")
                .append("  AuthType Basic\n")
                .append("  AuthName \"webdav\"\n")
                .append("  AuthUserFile ").append(d).append("/users\n")
                .append("  Require valid-user\n")
                .append("  Options None\n")
                .append("  DirectoryIndex disabled\n")
                .append("</Directory>\n");
        return conf.toString();
    }

    private static void writeUsers(Path file) throws IOException {
        Path htpasswd = Path.of("/usr/bin/htpasswd");
        if (Files.isExecutable(htpasswd)) {
            try {
                Process p = new ProcessBuilder(htpasswd.toString(), "-b", "-c", "-B", "-C", "5",
                        file.toString(), USER, PASSWORD).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.size(file) > 0) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running htpasswd", e);
            }
        }
        try {
            byte[] sha = MessageDigest.getInstance("SHA-1").digest(PASSWORD.getBytes(StandardCharsets.UTF_8));
            Files.writeString(file, USER + ":{SHA}" + Base64.getEncoder().encodeToString(sha) + "\n");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Apache refuses to serve as root; its workers run as www-data (or nobody) instead. */
    private static String workerUser() throws IOException {
        String passwd = ServerSupport.readQuietly(Path.of("/etc/passwd"));
        for (String candidate : List.of("www-data", "nobody", "daemon")) {
            if (passwd.lines().anyMatch(line -> line.startsWith(candidate + ":"))) {
                return candidate;
            }
        }
        throw new IOException("running as root, but there is no www-data or nobody user for Apache's workers");
    }

    private static String groupOf(String user) {
        String group = ServerSupport.readQuietly(Path.of("/etc/group"));
        if (group.lines().anyMatch(line -> line.startsWith(user + ":"))) {
            return user;
        }
        return group.lines().anyMatch(line -> line.startsWith("nogroup:")) ? "nogroup" : "#-1";
    }

    /** Gives the ServerRoot to the worker user so that it can write files and the lock database. */
    private static void handOver(Path dir, String user) throws IOException {
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner = lookup.lookupPrincipalByName(user);
        GroupPrincipal group = null;
        String groupName = groupOf(user);
        if (!groupName.startsWith("#")) {
            group = lookup.lookupPrincipalByGroupName(groupName);
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String sub : List.of("root", "lock", "run")) {
            Path path = dir.resolve(sub);
            PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
            view.setOwner(owner);
            if (group != null) {
                view.setGroup(group);
            }
        }
        // the password file must be readable by the workers
        Files.setPosixFilePermissions(dir.resolve("users"), PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void stop(Process process) {
        List<ProcessHandle> children = process.toHandle().descendants().toList();
        process.destroy(); // SIGTERM: Apache stops its workers itself
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    @Override
    public String toString() {
        return "ApacheDav[" + baseUrl() + FILES_PATH + "/]";
    }
}
