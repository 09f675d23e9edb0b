package dev.ncmcp.server.nextcloud;

import dev.ncmcp.server.config.StoreConfig;
import dev.ncmcp.server.connection.ConnectionTools;
import dev.ncmcp.server.store.JdbcStore;
import dev.ncmcp.server.store.Store;
import dev.ncmcp.simulator.NextcloudSimulator;
import dev.ncmcp.spi.Arguments;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.Elicitation;
import dev.ncmcp.spi.ElicitationResult;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.ToolResult;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The connection tools against the simulator's Login Flow v2 and a real (SQLite) store. */
class ConnectionToolsTest {

    private static final Set<Scope> KNOWN = Set.of(Scope.OPENID, Scope.read("notes"), Scope.write("notes"));

    @TempDir
    Path data;
    private NextcloudSimulator nextcloud;
    private Store store;
    private LoginFlowV2 loginFlow;
    private final MutableClock clock = new MutableClock();
    private ConnectionTools tools;
    private final List<String> shownUrls = new ArrayList<>();

    @BeforeEach
    void start() {
        nextcloud = NextcloudSimulator.builder().user("alice", "login-pw").build().start();
        store = JdbcStore.open(StoreConfig.sqlite(data));
        NextcloudClientFactory factory = NextcloudClientFactory.create(NextcloudHttpSettings.builder()
                .baseUrl(nextcloud.baseUrl()).build());
        loginFlow = new LoginFlowV2(factory, Optional.empty());
        tools = new ConnectionTools(loginFlow, store.appPasswords(), store.loginFlows(), () -> KNOWN, ':', clock);
    }

    @AfterEach
    void stop() {
        store.close();
        nextcloud.stop();
    }

    @Test
    void loginFlowPollsPendingThenGrantedThenConsumed() throws Exception {
        LoginFlowV2.Started flow = loginFlow.start();
        assertThat(loginFlow.poll(flow), is(Optional.empty()));

        String appPassword = nextcloud.grantLoginFlow(token(flow.loginUrl()), "alice");

        assertThat(loginFlow.poll(flow), is(Optional.of(new LoginFlowV2.Credentials("alice", appPassword))));
        assertThat("Nextcloud hands the password out once", loginFlow.poll(flow), is(Optional.empty()));
    }

    @Test
    void loginUrlsAreRewrittenToThePublicNextcloudUrl() {
        LoginFlowV2 rewriting = new LoginFlowV2(NextcloudClientFactory.create(NextcloudHttpSettings.builder()
                .baseUrl("http://nextcloud:80").build()), Optional.of(java.net.URI.create("https://cloud.example.com/")));

        assertThat(rewriting.publicLoginUrl("http://nextcloud/index.php/login/v2/flow/abc"),
                is("https://cloud.example.com/index.php/login/v2/flow/abc"));
    }

    @Test
    void provisionWithoutElicitationGivesTheUrlThenCheckStatusConnects() throws Exception {
        JsonObject pending = structured(call("nc_auth_provision_access", JsonValue.EMPTY_JSON_OBJECT, false));
        assertThat(pending.getString("status"), is("pending"));
        assertThat(pending.getJsonArray("scopes").toString(), is("[\"notes:read\",\"notes:write\"]"));
        assertThat(structured(call("nc_auth_check_status", JsonValue.EMPTY_JSON_OBJECT, false))
                .getString("status"), is("pending"));

        nextcloud.grantLoginFlow(token(pending.getString("loginUrl")), "alice");

        JsonObject connected = structured(call("nc_auth_check_status", JsonValue.EMPTY_JSON_OBJECT, false));
        assertThat(connected.getString("status"), is("connected"));
        assertThat(connected.getString("nextcloudUser"), is("alice"));
        assertThat(store.appPasswords().find("subject-alice").orElseThrow().scopes(), is(Set.of("notes:read",
                "notes:write")));
    }

    @Test
    void provisionShowsTheLoginPageAsUrlElicitationAndFinishesWhenTheUserAccepted() throws Exception {
        ToolResult first = call("nc_auth_provision_access", JsonValue.EMPTY_JSON_OBJECT, true);
        assertThat("the user has not granted yet", structured(first).getString("status"), is("pending"));
        assertThat(shownUrls.size(), is(1));

        nextcloud.grantLoginFlow(token(shownUrls.getFirst()), "alice");
        ToolResult retry = call("nc_auth_provision_access", JsonValue.EMPTY_JSON_OBJECT, true);

        assertThat(structured(retry).getString("status"), is("connected"));
    }

    @Test
    void anExpiredLoginIsReportedAndForgotten() throws Exception {
        call("nc_auth_provision_access", JsonValue.EMPTY_JSON_OBJECT, false);
        clock.advance(Duration.ofMinutes(21));

        assertThat(structured(call("nc_auth_check_status", JsonValue.EMPTY_JSON_OBJECT, false)).getString("status"),
                is("expired"));
        assertThat(store.loginFlows().find("subject-alice"), is(Optional.empty()));
        assertThat(structured(call("nc_auth_check_status", JsonValue.EMPTY_JSON_OBJECT, false)).getString("status"),
                is("not_connected"));
    }

    @Test
    void revokeDeletesTheAppPasswordInNextcloudAndLocally() throws Exception {
        JsonObject pending = structured(call("nc_auth_provision_access", JsonValue.EMPTY_JSON_OBJECT, false));
        String appPassword = nextcloud.grantLoginFlow(token(pending.getString("loginUrl")), "alice");
        call("nc_auth_check_status", JsonValue.EMPTY_JSON_OBJECT, false);
        NextcloudClient asAlice = NextcloudClientFactory.create(NextcloudHttpSettings.builder()
                .baseUrl(nextcloud.baseUrl()).build()).appPassword("alice", appPassword);

        assertThat(structured(call("nc_auth_revoke_access", JsonValue.EMPTY_JSON_OBJECT, false)).getString("status"),
                is("revoked"));

        assertThat(store.appPasswords().find("subject-alice"), is(Optional.empty()));
        ToolException rejected = assertThrows(ToolException.class, () -> asAlice.send(
                dev.ncmcp.spi.nextcloud.NextcloudRequest.get("/index.php/apps/notes/api/v1/notes").build()));
        assertThat(rejected.kind(), is(ToolException.Kind.AUTHENTICATION));
    }

    @Test
    void unknownScopesAreRefusedWithTheKnownOnes() {
        ToolException e = assertThrows(ToolException.class, () -> call("nc_auth_provision_access",
                Json.createObjectBuilder().add("scopes", Json.createArrayBuilder().add("deck:read")).build(), false));

        assertThat(e.getMessage(), containsString("Unknown scope 'deck:read'"));
        assertThat(e.getMessage(), containsString("notes:read"));
    }

    private ToolResult call(String name, JsonObject arguments, boolean elicitation) throws ToolException {
        ToolDefinition tool = tools.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        Caller caller = new Caller("subject-alice", "alice", KNOWN);
        return tool.handler().call(new ToolInvocation() {
            @Override
            public Arguments arguments() {
                return new Arguments(arguments);
            }

            @Override
            public NextcloudClient nextcloud() {
                throw new AssertionError("connection tools use no caller client");
            }

            @Override
            public Caller caller() {
                return caller;
            }

            @Override
            public Elicitation elicitation() {
                return elicitation ? new AcceptingUrlElicitation() : Elicitation.UNSUPPORTED;
            }
        });
    }

    /** A client that shows the page and answers "accept" (as a 2026-07-28 client does on its retry). */
    private final class AcceptingUrlElicitation implements Elicitation {
        @Override
        public boolean supportsForm() {
            return false;
        }

        @Override
        public boolean supportsUrl() {
            return true;
        }

        @Override
        public ElicitationResult form(String message, JsonObject requestedSchema) {
            throw new AssertionError("no form expected");
        }

        @Override
        public ElicitationResult url(String message, String url) {
            shownUrls.add(url);
            return ElicitationResult.accept(JsonValue.EMPTY_JSON_OBJECT);
        }
    }

    private static JsonObject structured(ToolResult result) {
        return result.structuredContent().asJsonObject();
    }

    private static String token(String loginUrl) {
        return loginUrl.substring(loginUrl.lastIndexOf('/') + 1);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
