package dev.ncmcp.server.transport;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ncmcp.server.nextcloud.AuthenticatedCaller;
import dev.ncmcp.server.nextcloud.NextcloudAccess;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A hand-written Nextcloud for gating tests: each subject gets the capabilities set for it, or a failure
 * (unreachable, not connected). Counts the capabilities calls per subject and records the scopes asked for.
 */
public final class FakeNextcloud implements NextcloudAccess {
    /** What a subject's Nextcloud answers: capabilities, or a failure to throw. */
    sealed interface Answer permits Capabilities, Failure {
    }

    record Capabilities(JsonObject capabilities) implements Answer {
    }

    record Failure(NextcloudException exception) implements Answer {
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    public final List<Set<Scope>> requestedScopes = new CopyOnWriteArrayList<>();

    /** A Nextcloud no client reaches: every call fails with {@code message}. */
    public static NextcloudAccess unreachable(String message) {
        return (caller, scopes) -> new Unreachable(caller.caller(), message);
    }

    public static JsonObject capabilities(String... apps) {
        var builder = Json.createObjectBuilder()
                .add("core", Json.createObjectBuilder().add("pollinterval", 60))
                .add("files", Json.createObjectBuilder().add("bigfilechunking", true));
        for (String app : apps) {
            builder.add(app, Json.createObjectBuilder().add("version", "4.11.0"));
        }
        return builder.build();
    }

    public FakeNextcloud answer(String subject, JsonObject capabilities) {
        answers.put(subject, new Capabilities(capabilities));
        return this;
    }

    public FakeNextcloud fail(String subject, ToolException.Kind kind, String message) {
        answers.put(subject, new Failure(new NextcloudException(kind, message)));
        return this;
    }

    public int capabilityCalls(String subject) {
        AtomicInteger count = calls.get(subject);
        return count == null ? 0 : count.get();
    }

    /** A client for {@code caller} (presenting no token). */
    public NextcloudClient client(Caller caller, Set<Scope> scopes) {
        return clientFor(AuthenticatedCaller.withoutToken(caller), scopes);
    }

    @Override
    public NextcloudClient clientFor(AuthenticatedCaller caller, Set<Scope> scopes) {
        requestedScopes.add(scopes);
        Caller who = caller.caller();
        return new Client(who, answers.get(who.subject()),
                calls.computeIfAbsent(who.subject(), s -> new AtomicInteger()));
    }

    /**
     * A client of one subject. Without credentials (a failure of kind {@code AUTHENTICATION}, like login-flow mode
     * before the user connected) every call fails, as a real client's first send does.
     */
    private static final class Client implements NextcloudClient {
        private final Caller caller;
        private final Answer answer;
        private final AtomicInteger capabilityCalls;

        Client(Caller caller, Answer answer, AtomicInteger capabilityCalls) {
            this.caller = caller;
            this.answer = answer;
            this.capabilityCalls = capabilityCalls;
        }

        private void requireCredential() throws NextcloudException {
            if (answer instanceof Failure failure && failure.exception().kind() == ToolException.Kind.AUTHENTICATION) {
                capabilityCalls.incrementAndGet();
                throw failure.exception();
            }
        }

        @Override
        public String baseUrl() {
            return "http://nextcloud.invalid";
        }

        @Override
        public String loginName() {
            return caller.nextcloudUser();
        }

        @Override
        public NextcloudResponse send(NextcloudRequest request) throws NextcloudException {
            requireCredential();
            throw new NextcloudException(ToolException.Kind.UNAVAILABLE, "not simulated");
        }

        @Override
        public String filesRoot() throws NextcloudException {
            requireCredential();
            return "/remote.php/dav/files/" + caller.nextcloudUser() + "/";
        }

        @Override
        public JsonValue ocs(String method, String path, JsonObject body) throws NextcloudException {
            requireCredential();
            if (!"/ocs/v2.php/cloud/capabilities".equals(path)) {
                throw new NextcloudException(ToolException.Kind.UPSTREAM_ERROR, "not simulated: " + path);
            }
            capabilityCalls.incrementAndGet();
            return switch (answer) {
                case Capabilities c -> Json.createObjectBuilder()
                        .add("version", Json.createObjectBuilder().add("major", 31))
                        .add("capabilities", c.capabilities())
                        .build();
                case Failure f -> throw f.exception();
                case null -> throw new NextcloudException(ToolException.Kind.UNAVAILABLE, "Nextcloud is not reachable");
            };
        }
    }

    /** A client that reaches no Nextcloud. */
    private record Unreachable(Caller caller, String message) implements NextcloudClient {
        @Override
        public String baseUrl() {
            return "http://nextcloud.invalid";
        }

        @Override
        public String loginName() {
            return caller.nextcloudUser();
        }

        @Override
        public NextcloudResponse send(NextcloudRequest request) throws NextcloudException {
            throw unreachable();
        }

        @Override
        public String filesRoot() throws NextcloudException {
            throw unreachable();
        }

        @Override
        public JsonValue ocs(String method, String path, JsonObject body) throws NextcloudException {
            throw unreachable();
        }

        private NextcloudException unreachable() {
            return new NextcloudException(ToolException.Kind.UNAVAILABLE, message);
        }
    }
}
