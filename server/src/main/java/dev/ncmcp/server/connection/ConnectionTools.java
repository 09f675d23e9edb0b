package dev.ncmcp.server.connection;

import dev.ncmcp.server.nextcloud.LoginFlowV2;
import dev.ncmcp.server.store.AppPasswords;
import dev.ncmcp.server.store.LoginFlows;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.Elicitation;
import dev.ncmcp.spi.ElicitationResult;
import dev.ncmcp.spi.NextcloudPlugin;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ScopeDefinition;
import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.ToolResult;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The tools with which a user connects their own Nextcloud account in {@code login-flow} mode:
 * provision (Login Flow v2), check, change scopes, revoke. Built into the server (they need the store),
 * gated by the {@code openid} scope every login carries.
 */
public final class ConnectionTools implements NextcloudPlugin {

    /** Nextcloud forgets a Login Flow v2 after 20 minutes. */
    private static final Duration FLOW_LIFETIME = Duration.ofMinutes(20);
    private static final String STATUS_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "status": {"type": "string", "enum": ["connected", "pending", "expired", "not_connected", "declined",
                           "revoked"],
                           "description": "connected: tools can be used; pending: the user has not granted yet"},
                "nextcloudUser": {"type": "string", "description": "Nextcloud login of the connection"},
                "scopes": {"type": "array", "items": {"type": "string"}, "description": "Scopes of the connection"},
                "loginUrl": {"type": "string", "description": "Page the user must open to grant access"},
                "expiresAt": {"type": "string", "description": "When the pending login expires (ISO-8601)"}
              },
              "required": ["status"]
            }""";
    private static final String SCOPES_PROPERTY = """
            "scopes": {"type": "array", "items": {"type": "string"}, "uniqueItems": true,
                       "description": "Scopes the connection grants, e.g. [\\"notes:read\\", \\"files:read\\"]"}""";

    private final LoginFlowV2 loginFlow;
    private final AppPasswords grants;
    private final LoginFlows flows;
    private final Supplier<Set<Scope>> knownScopes;
    private final char separator;
    private final Clock clock;

    public ConnectionTools(LoginFlowV2 loginFlow, AppPasswords grants, LoginFlows flows,
                           Supplier<Set<Scope>> knownScopes, char separator, Clock clock) {
        this.loginFlow = loginFlow;
        this.grants = grants;
        this.flows = flows;
        this.knownScopes = knownScopes;
        this.separator = separator;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "connection";
    }

    @Override
    public String description() {
        return "Connect your Nextcloud account (Login Flow v2)";
    }

    @Override
    public List<ScopeDefinition> scopes() {
        return List.of(new ScopeDefinition(Scope.OPENID, "Sign in and connect your Nextcloud account"));
    }

    @Override
    public List<ToolDefinition> tools() {
        return List.of(
                ToolDefinition.builder("nc_auth_provision_access")
                        .title("Connect Nextcloud")
                        .description("""
                                Connects the user's Nextcloud account so the other tools can work: starts Nextcloud's \
                                login flow and shows the user a page where they log in and grant access. Call it when \
                                a tool says Nextcloud is not connected. If the client cannot show the page, the result \
                                contains the URL: give it to the user, then call nc_auth_check_status.""")
                        .inputSchema("{\"type\": \"object\", \"properties\": {" + SCOPES_PROPERTY
                                + "}, \"additionalProperties\": false}")
                        .outputSchema(STATUS_SCHEMA)
                        .annotations(new ToolAnnotations(false, false, true, false))
                        .requires(Scope.OPENID)
                        .handler(this::provision)
                        .build(),
                ToolDefinition.builder("nc_auth_check_status")
                        .title("Check Nextcloud connection")
                        .description("""
                                Tells whether the user's Nextcloud account is connected, with which scopes, or whether \
                                a login is still waiting for the user; completes the connection once the user granted \
                                access.""")
                        .inputSchema("{\"type\": \"object\", \"properties\": {}, \"additionalProperties\": false}")
                        .outputSchema(STATUS_SCHEMA)
                        .annotations(new ToolAnnotations(false, false, true, false))
                        .requires(Scope.OPENID)
                        .handler(this::checkStatus)
                        .build(),
                ToolDefinition.builder("nc_auth_update_scopes")
                        .title("Change Nextcloud connection scopes")
                        .description("""
                                Reconnects with a different set of scopes (for example to allow writing notes). The \
                                current connection keeps working until the user has granted the new one.""")
                        .inputSchema("{\"type\": \"object\", \"properties\": {" + SCOPES_PROPERTY
                                + "}, \"required\": [\"scopes\"], \"additionalProperties\": false}")
                        .outputSchema(STATUS_SCHEMA)
                        .annotations(new ToolAnnotations(false, false, false, false))
                        .requires(Scope.OPENID)
                        .handler(this::updateScopes)
                        .build(),
                ToolDefinition.builder("nc_auth_revoke_access")
                        .title("Disconnect Nextcloud")
                        .description("""
                                Disconnects the user's Nextcloud account: deletes the app password in Nextcloud and in \
                                the sidecar. The tools stop working until the user connects again.""")
                        .inputSchema("{\"type\": \"object\", \"properties\": {}, \"additionalProperties\": false}")
                        .outputSchema(STATUS_SCHEMA)
                        .annotations(ToolAnnotations.DESTRUCTIVE)
                        .requires(Scope.OPENID)
                        .handler(this::revoke)
                        .build());
    }

    private ToolResult provision(ToolInvocation invocation) throws ToolException {
        Caller caller = invocation.caller();
        Set<String> scopes = requestedScopes(invocation, caller);
        Optional<AppPasswords.Grant> grant = grants.find(caller.subject());
        if (grant.isPresent() && !invocation.arguments().has("scopes") && flows.find(caller.subject()).isEmpty()) {
            return connected(grant.get(), "Nextcloud is already connected as " + grant.get().nextcloudUser() + ".");
        }
        return waitForGrant(invocation, caller, scopes);
    }

    private ToolResult updateScopes(ToolInvocation invocation) throws ToolException {
        Caller caller = invocation.caller();
        Set<String> scopes = requestedScopes(invocation, caller);
        Optional<LoginFlows.Session> pending = flows.find(caller.subject());
        if (pending.isPresent() && !pending.get().scopes().equals(scopes)) {
            flows.delete(caller.subject());
        }
        return waitForGrant(invocation, caller, scopes);
    }

    private ToolResult checkStatus(ToolInvocation invocation) throws ToolException {
        Caller caller = invocation.caller();
        Optional<LoginFlows.Session> pending = flows.find(caller.subject());
        if (pending.isPresent()) {
            Optional<ToolResult> finished = pollOnce(caller, pending.get());
            if (finished.isPresent()) {
                return finished.get();
            }
            return pendingResult(pending.get(), "Still waiting for the user to grant access at " + pending.get().loginUrl()
                    + ". Call nc_auth_check_status again once they have.");
        }
        Optional<AppPasswords.Grant> grant = grants.find(caller.subject());
        if (grant.isPresent()) {
            return connected(grant.get(), "Nextcloud is connected as " + grant.get().nextcloudUser() + ".");
        }
        return status("not_connected", "Nextcloud is not connected. Call nc_auth_provision_access.").build();
    }

    private ToolResult revoke(ToolInvocation invocation) throws ToolException {
        Caller caller = invocation.caller();
        flows.delete(caller.subject());
        Optional<AppPasswords.Grant> grant = grants.find(caller.subject());
        if (grant.isEmpty()) {
            return status("not_connected", "Nextcloud was not connected; nothing to revoke.").build();
        }
        loginFlow.revoke(grant.get().nextcloudUser(), grant.get().appPassword());
        grants.delete(caller.subject());
        return status("revoked", "The app password was deleted in Nextcloud and in the sidecar. Call "
                + "nc_auth_provision_access to connect again.").build();
    }

    /** Starts a flow (or reuses the pending one), shows the login page, and finishes if the user granted. */
    private ToolResult waitForGrant(ToolInvocation invocation, Caller caller, Set<String> scopes) throws ToolException {
        Instant now = clock.instant();
        Optional<LoginFlows.Session> existing = flows.find(caller.subject())
                .filter(session -> session.expiresAt().isAfter(now));
        LoginFlows.Session session;
        if (existing.isPresent()) {
            session = existing.get();
            Optional<ToolResult> finished = pollOnce(caller, session);
            if (finished.isPresent()) {
                return finished.get();
            }
        } else {
            LoginFlowV2.Started started = loginFlow.start();
            session = new LoginFlows.Session(caller.subject(), started.pollToken(), started.pollPath(),
                    started.loginUrl(), scopes, now.plus(FLOW_LIFETIME));
            flows.save(session);
        }
        Elicitation elicitation = invocation.elicitation();
        if (!elicitation.supportsUrl()) {
            return pendingResult(session, "Ask the user to open " + session.loginUrl() + " , log in to Nextcloud and "
                    + "grant access; then call nc_auth_check_status.");
        }
        ElicitationResult answer = elicitation.url("Connect your Nextcloud account: log in and grant access.",
                session.loginUrl());
        if (answer.action() != ElicitationResult.Action.ACCEPT) {
            flows.delete(caller.subject());
            return status("declined", "The user did not open the Nextcloud login page; nothing was connected.")
                    .build();
        }
        Optional<ToolResult> finished = pollOnce(caller, session);
        if (finished.isPresent()) {
            return finished.get();
        }
        return pendingResult(session, "The login page was shown, but Nextcloud has not reported the grant yet. Call "
                + "nc_auth_check_status once the user has granted access.");
    }

    /** Polls Nextcloud once; stores the app password when granted, replacing (and revoking) an older one. */
    private Optional<ToolResult> pollOnce(Caller caller, LoginFlows.Session session) throws ToolException {
        if (!session.expiresAt().isAfter(clock.instant())) {
            flows.delete(caller.subject());
            return Optional.of(status("expired", "The Nextcloud login expired before access was granted. Call "
                    + "nc_auth_provision_access to start again.").build());
        }
        Optional<LoginFlowV2.Credentials> credentials = loginFlow.poll(session.pollToken(), session.pollEndpoint());
        if (credentials.isEmpty()) {
            return Optional.empty();
        }
        Optional<AppPasswords.Grant> previous = grants.find(caller.subject());
        AppPasswords.Grant grant = new AppPasswords.Grant(caller.subject(), credentials.get().loginName(),
                credentials.get().appPassword(), session.scopes(), clock.instant());
        grants.save(grant);
        flows.delete(caller.subject());
        if (previous.isPresent() && !previous.get().appPassword().equals(grant.appPassword())) {
            loginFlow.revoke(previous.get().nextcloudUser(), previous.get().appPassword());
        }
        return Optional.of(connected(grant, "Nextcloud is now connected as " + grant.nextcloudUser() + "."));
    }

    private Set<String> requestedScopes(ToolInvocation invocation, Caller caller) throws ToolException {
        Set<Scope> known = knownScopes.get();
        Set<String> scopes = new TreeSet<>();
        if (invocation.arguments().has("scopes")) {
            for (String text : invocation.arguments().strings("scopes")) {
                Scope scope = Scope.parse(text).filter(known::contains).filter(s -> !s.isOpenId())
                        .orElseThrow(() -> ToolException.invalidArgument("Unknown scope '" + text + "'. Known: "
                                + render(known)));
                scopes.add(scope.render(separator));
            }
        } else {
            caller.grantedScopes().stream().filter(known::contains).filter(s -> !s.isOpenId())
                    .forEach(scope -> scopes.add(scope.render(separator)));
        }
        if (scopes.isEmpty()) {
            throw ToolException.invalidArgument("No scopes to connect with: name them in 'scopes', e.g. "
                    + render(known));
        }
        return scopes;
    }

    private String render(Set<Scope> scopes) {
        return scopes.stream().filter(s -> !s.isOpenId()).sorted().map(s -> s.render(separator)).toList().toString();
    }

    private ToolResult connected(AppPasswords.Grant grant, String text) {
        JsonArrayBuilder scopes = Json.createArrayBuilder();
        grant.scopes().stream().sorted().forEach(scopes::add);
        return status("connected", text)
                .structured(b -> b.add("nextcloudUser", grant.nextcloudUser()).add("scopes", scopes))
                .build();
    }

    private ToolResult pendingResult(LoginFlows.Session session, String text) {
        JsonArrayBuilder scopes = Json.createArrayBuilder();
        session.scopes().stream().sorted().forEach(scopes::add);
        return status("pending", text)
                .structured(b -> b.add("loginUrl", session.loginUrl()).add("scopes", scopes)
                        .add("expiresAt", session.expiresAt().toString()))
                .build();
    }

    private static StatusResult status(String status, String text) {
        return new StatusResult(status, text);
    }

    /** A small builder for the common status result shape. */
    private static final class StatusResult {
        private final JsonObjectBuilder json = Json.createObjectBuilder();
        private final String text;

        StatusResult(String status, String text) {
            this.json.add("status", status);
            this.text = text;
        }

        StatusResult structured(java.util.function.Consumer<JsonObjectBuilder> fields) {
            fields.accept(json);
            return this;
        }

        ToolResult build() {
            return ToolResult.structured(json.build(), text);
        }
    }
}
