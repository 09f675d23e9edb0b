package dev.ncmcp.server.mcp;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ncmcp.server.nextcloud.NextcloudAccess;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.nextcloud.NextcloudResponse;
import io.helidon.webserver.http.ServerRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A hand-written Nextcloud for gating tests: each subject gets the capabilities set for it, or a failure
 * (unreachable, not connected). Counts the capabilities calls per subject and records the scopes asked for.
 */
final class FakeNextcloud implements NextcloudAccess {
    /** What a subject's Nextcloud answers: capabilities, or a failure to throw. */
    sealed interface Answer permits Capabilities, Failure {
    }

    record Capabilities(JsonObject capabilities) implements Answer {
    }

    record Failure(NextcloudException exception) implements Answer {
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final List<Set<Scope>> requestedScopes = new CopyOnWriteArrayList<>();

    static JsonObject capabilities(String... apps) {
        var builder = Json.createObjectBuilder()
                .add("core", Json.createObjectBuilder().add("pollinterval", 60))
                .add("files", Json.createObjectBuilder().add("bigfilechunking", true));
        for (String app : apps) {
            builder.add(app, Json.createObjectBuilder().add("version", "4.11.0"));
        }
        return builder.build();
    }

    FakeNextcloud answer(String subject, JsonObject capabilities) {
        answers.put(subject, new Capabilities(capabilities));
        return this;
    }

    FakeNextcloud fail(String subject, ToolException.Kind kind, String message) {
        answers.put(subject, new Failure(new NextcloudException(kind, message)));
        return this;
    }

    int capabilityCalls(String subject) {
        AtomicInteger count = calls.get(subject);
        return count == null ? 0 : count.get();
    }

    @Override
    public NextcloudClient clientFor(ServerRequest request, Caller caller, Set<Scope> scopes) throws NextcloudException {
        return client(caller, scopes);
    }

    NextcloudClient client(Caller caller, Set<Scope> scopes) throws NextcloudException {
        requestedScopes.add(scopes);
        Answer answer = answers.get(caller.subject());
        if (answer instanceof Failure failure && failure.exception().kind() == ToolException.Kind.AUTHENTICATION) {
            // like login-flow mode before the user connected: no client at all
            calls.computeIfAbsent(caller.subject(), s -> new AtomicInteger()).incrementAndGet();
            throw failure.exception();
        }
        return new Client(caller, answer);
    }

    private final class Client implements NextcloudClient {
        private final Caller caller;
        private final Answer answer;

        Client(Caller caller, Answer answer) {
            this.caller = caller;
            this.answer = answer;
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
            throw new NextcloudException(ToolException.Kind.UNAVAILABLE, "not simulated");
        }

        @Override
        public String filesRoot() {
            return "/remote.php/dav/files/" + caller.nextcloudUser() + "/";
        }

        @Override
        public JsonValue ocs(String method, String path, JsonObject body) throws NextcloudException {
            if (!"/ocs/v2.php/cloud/capabilities".equals(path)) {
                throw new NextcloudException(ToolException.Kind.UPSTREAM_ERROR, "not simulated: " + path);
            }
            calls.computeIfAbsent(caller.subject(), s -> new AtomicInteger()).incrementAndGet();
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
}
