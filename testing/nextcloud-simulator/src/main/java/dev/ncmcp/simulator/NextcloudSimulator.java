package dev.ncmcp.simulator;

import dev.ncmcp.simulator.caldav.CalDavApp;
import dev.ncmcp.simulator.carddav.CardDavApp;
import dev.ncmcp.simulator.cookbook.CookbookApp;
import dev.ncmcp.simulator.dav.DavMaintenance;
import dev.ncmcp.simulator.dav.Principals;
import dev.ncmcp.simulator.deck.DeckApp;
import dev.ncmcp.simulator.files.FileStore;
import dev.ncmcp.simulator.files.FilesApp;
import dev.ncmcp.simulator.loginflow.LoginFlowApp;
import dev.ncmcp.simulator.notes.NotesApp;
import dev.ncmcp.simulator.notes.NotesLocking;
import dev.ncmcp.simulator.ocs.OcsApp;
import dev.ncmcp.simulator.sharing.SharingApp;
import dev.ncmcp.simulator.tables.TablesApp;
import io.helidon.webserver.WebServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * An in-memory simulator of the Nextcloud HTTP APIs used by ncmcp: Notes API, Deck, OCS
 * (capabilities, current user), WebDAV files, CalDAV calendars and tasks, CardDAV address books,
 * status.php, Login Flow v2. All APIs share one file tree per user: notes are the
 * {@code .md}/{@code .txt} files below {@code /Notes}.
 *
 * <pre>{@code
 * try (NextcloudSimulator sim = NextcloudSimulator.builder().user("bob", "secret").build().start()) {
 *     String url = sim.baseUrl();
 * }
 * }</pre>
 */
public final class NextcloudSimulator implements AutoCloseable {
    /** Every simulated user has the e-mail address {@code <user>@example.org} (their calendar user address). */
    public static final String MAIL_DOMAIN = "example.org";
    private final String host;
    private final int requestedPort;
    private final NextcloudVersion version;
    private final Accounts accounts = new Accounts();
    private final Maintenance maintenance = new Maintenance();
    private final FailureInjector failures = new FailureInjector();
    private final LoginFlowApp loginFlow;
    private final NotesApp notes;
    private final SimulatorRouting routing;
    private volatile WebServer server;

    private NextcloudSimulator(Builder b) {
        this.host = b.host;
        this.requestedPort = b.port;
        this.version = b.version;
        b.users.forEach((user, password) -> accounts.add(user, password, b.displayNames.get(user)));
        b.notesDisabled.forEach(accounts::disableNotes);
        b.quotas.forEach(accounts::quota);
        b.groups.forEach((group, members) -> members.forEach(member -> accounts.addToGroup(group, member)));
        BasicAuth auth = new BasicAuth(accounts, b.bearerTokens);
        FileStore files = new FileStore(accounts);
        String instanceId = "oc" + Accounts.randomToken(10).toLowerCase(Locale.ROOT);
        this.loginFlow = new LoginFlowApp(accounts, this::baseUrl);
        this.notes = new NotesApp(files, auth, accounts, version, b.notesLocking);
        List<SimulatorApp> apps = List.of(
                new OcsApp(version, auth, accounts, this::hostPort, maintenance),
                notes,
                new FilesApp(files, auth, accounts, version, instanceId),
                new CalDavApp(auth, new Principals(user -> Optional.of(user + "@" + MAIL_DOMAIN), accounts::displayName)),
                new CardDavApp(auth, accounts),
                new DeckApp(auth, accounts, version, files),
                new SharingApp(files, auth, accounts, version, this::baseUrl),
                new CookbookApp(files, auth, version),
                new TablesApp(auth, accounts, version),
                loginFlow);
        Routes routes = new Routes()
                .entryPoint("/ocs", OcsApp::maintenanceAnswer)
                .entryPoint("/remote.php", DavMaintenance::answer)
                .entryPoint("/index.php", Maintenance::page);
        apps.forEach(app -> app.register(routes));
        this.routing = new SimulatorRouting(routes, maintenance, failures);
        if (b.sampleData) {
            for (String user : b.users.keySet()) {
                apps.forEach(app -> app.seedSampleData(user));
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the HTTP server; returns this for chaining. */
    public synchronized NextcloudSimulator start() {
        if (server == null) {
            server = WebServer.builder()
                    .host(host)
                    .port(requestedPort)
                    .routing(r -> r.any(routing::handle))
                    .build()
                    .start();
        }
        return this;
    }

    /** Stops the HTTP server (the data stays in memory). */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** {@code http://host:port} without trailing slash. */
    public String baseUrl() {
        return "http://" + hostPort();
    }

    private String hostPort() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return shownHost + ":" + port();
    }

    public int port() {
        WebServer s = server;
        if (s == null) {
            throw new IllegalStateException("simulator not started");
        }
        return s.port();
    }

    public NextcloudVersion version() {
        return version;
    }

    /** Maintenance mode on/off. */
    public void maintenance(boolean enabled) {
        maintenance.enabled(enabled);
    }

    /**
     * The next {@code count} requests (any endpoint) answer with {@code status}, a small JSON body
     * and, when given, a {@code Retry-After} header.
     */
    public void failNext(int count, int status, Integer retryAfterSeconds) {
        failures.arm(count, status, retryAfterSeconds);
    }

    /** All requests received so far, oldest first. */
    public List<RecordedRequest> requests() {
        return routing.requests();
    }

    public void clearRequests() {
        routing.clearRequests();
    }

    /**
     * Test hook for Login Flow v2: acts as the browser in which {@code user} logs in and grants
     * access. {@code loginToken} is the last path segment of the {@code login} URL (the poll token
     * works too). Returns the app password the next poll will deliver.
     */
    public String grantLoginFlow(String loginToken, String user) {
        return loginFlow.grant(loginToken, user)
                .orElseThrow(() -> new IllegalArgumentException("no pending login flow for this token"));
    }

    /**
     * Sets the user's quota in bytes. The used space is the size of all the user's files (notes
     * included); beyond it WebDAV PUT answers 507 and the Notes API 507 with its
     * {@code InsufficientStorageException}.
     */
    public void quota(String user, long bytes) {
        accounts.quota(user, bytes);
    }

    /** Removes the user's quota (the default). */
    public void unlimitedQuota(String user) {
        accounts.unlimitedQuota(user);
    }

    /**
     * The next {@code times} Notes API writes to this note answer 423
     * {@code {"errorType":"OCP\\Lock\\LockedException"}} at once, as if another process held the
     * note's file lock. Writes are PUTs that change the content, {@code modified}, title or category,
     * and DELETEs; a PUT that only sets {@code favorite} takes no lock. Reads are never blocked.
     * {@code times} 0 clears.
     */
    public void lockNote(String user, long noteId, int times) {
        notes.lockNote(user, noteId, times);
    }

    /**
     * How long each Notes write holds the note's lock, from now on. Writes waiting right now are
     * re-timed: set a long delay to hold writes, then a zero delay to let them finish.
     */
    public void notesWriteDelay(Duration delay) {
        notes.writeDelay(Objects.requireNonNull(delay));
    }

    /** Adds a user (or another password of an existing user) while running. */
    public void addUser(String user, String password) {
        accounts.add(user, password, null);
    }

    /**
     * Starts a simulator with sample data: {@code --port N} (default 8085), {@code --host H}
     * (default 127.0.0.1), {@code --user NAME:PASSWORD} (default bob:bob-app-password),
     * {@code --version NC31|NC29}.
     */
    public static void main(String[] args) throws InterruptedException {
        Builder builder = builder().port(8085).sampleData(true);
        boolean userGiven = false;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> builder.port(Integer.parseInt(Objects.requireNonNull(value, "--port needs a value")));
                case "--host" -> builder.host(Objects.requireNonNull(value, "--host needs a value"));
                case "--version" -> builder.version(NextcloudVersion.valueOf(Objects.requireNonNull(value)));
                case "--user" -> {
                    String[] up = Objects.requireNonNull(value, "--user needs NAME:PASSWORD").split(":", 2);
                    builder.user(up[0], up[1]);
                    userGiven = true;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            i++;
        }
        if (!userGiven) {
            builder.user("bob", "bob-app-password");
        }
        NextcloudSimulator sim = builder.build().start();
        System.out.println("Nextcloud simulator (" + sim.version().versionString() + ") listening on " + sim.baseUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(sim::stop));
        new CountDownLatch(1).await();
    }

    /** Builder; {@link #build()} does not start the server. */
    public static final class Builder {
        private final Map<String, String> users = new LinkedHashMap<>();
        private final Map<String, String> displayNames = new LinkedHashMap<>();
        private final List<String> notesDisabled = new ArrayList<>();
        private final Map<String, Long> quotas = new LinkedHashMap<>();
        private final Map<String, List<String>> groups = new LinkedHashMap<>();
        private NotesLocking notesLocking = NotesLocking.DEFAULT;
        private String host = "127.0.0.1";
        private int port = 0;
        private NextcloudVersion version = NextcloudVersion.NC31;
        private boolean sampleData;
        private Function<String, Optional<String>> bearerTokens = token -> Optional.empty();

        private Builder() {
        }

        /**
         * Accepts {@code Authorization: Bearer} tokens: the function returns the user a token
         * authenticates, or empty to reject it (as user_oidc would, e.g. for a wrong audience).
         */
        public Builder bearerTokens(Function<String, Optional<String>> validator) {
            this.bearerTokens = Objects.requireNonNull(validator);
            return this;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** 0 = ephemeral port (the default). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder version(NextcloudVersion version) {
            this.version = Objects.requireNonNull(version);
            return this;
        }

        /** Adds a user with an (app) password for Basic auth; may be called several times. */
        public Builder user(String user, String password) {
            users.put(Objects.requireNonNull(user), Objects.requireNonNull(password));
            return this;
        }

        /** Adds a user with a display name (default: the capitalised user id). */
        public Builder user(String user, String password, String displayName) {
            displayNames.put(user, displayName);
            return user(user, password);
        }

        /** The Notes app is not enabled for this user (Notes API answers 412 "App is not enabled"). */
        public Builder notesAppDisabledFor(String user) {
            notesDisabled.add(user);
            return this;
        }

        /** A group with these members (sharing with groups, sharee search); {@code admin} always exists. */
        public Builder group(String group, String... members) {
            groups.computeIfAbsent(Objects.requireNonNull(group), g -> new ArrayList<>()).addAll(List.of(members));
            return this;
        }

        /** The user's quota in bytes (default: unlimited); see {@link NextcloudSimulator#quota(String, long)}. */
        public Builder quota(String user, long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("a quota is a number of bytes >= 0");
            }
            quotas.put(Objects.requireNonNull(user), bytes);
            return this;
        }

        /**
         * How long each Notes write holds the note's file lock (default 0). A write that finds the
         * note locked is retried as {@link #notesLockRetry(int, Duration)} says, then answers 423.
         */
        public Builder notesWriteDelay(Duration delay) {
            notesLocking = new NotesLocking(delay, notesLocking.lockAttempts(), notesLocking.lockRetryPause());
            return this;
        }

        /**
         * How a Notes write waits for a locked note before answering 423: {@code attempts} tries,
         * {@code pause} apart. Default: notes 4.12's {@code Util::retryIfLocked}, 5 attempts 1 s apart.
         */
        public Builder notesLockRetry(int attempts, Duration pause) {
            notesLocking = new NotesLocking(notesLocking.writeDelay(), attempts, pause);
            return this;
        }

        /** Seeds every configured user with sample notes, files, calendars, tasks and contacts. */
        public Builder sampleData(boolean sampleData) {
            this.sampleData = sampleData;
            return this;
        }

        public NextcloudSimulator build() {
            return new NextcloudSimulator(this);
        }
    }
}
