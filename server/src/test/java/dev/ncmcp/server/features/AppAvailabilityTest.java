package dev.ncmcp.server.features;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import dev.ncmcp.server.plugin.PluginRegistry;
import dev.ncmcp.server.transport.FakeNextcloud;
import dev.ncmcp.server.transport.TestPlugins;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/** The gating rules without HTTP: TTL, failure TTL, bounded cache, core plugins never asked about. */
class AppAvailabilityTest {
    private final PluginRegistry registry = PluginRegistry.of(List.of(new TestPlugins.Demo(), new TestPlugins.Notes()));
    private final ToolDefinition notesTool = registry.tool("notes_list").orElseThrow();
    private final ToolDefinition demoTool = registry.tool("demo_echo").orElseThrow();
    private final AtomicLong now = new AtomicLong(1_000);
    private final FakeNextcloud nextcloud = new FakeNextcloud();
    private final AppAvailability apps = new AppAvailability(registry, Duration.ofMinutes(5), Duration.ofSeconds(30),
            2, now::get);

    private static Caller caller(String subject) {
        return new Caller(subject, "alice", Set.of(TestPlugins.DEMO_READ, TestPlugins.NOTES_READ));
    }

    private boolean showsNotes(String subject) {
        Caller caller = caller(subject);
        return apps.forCaller(caller, scopes -> nextcloud.client(caller, scopes)).shows(notesTool);
    }

    @Test
    void corePluginsNeverAskNextcloud() {
        Caller caller = caller("core");
        AppAvailability.Visibility visibility = apps.forCaller(caller, scopes -> nextcloud.client(caller, scopes));
        assertThat(visibility.shows(demoTool), is(true));
        assertThat(nextcloud.capabilityCalls("core"), is(0));
        assertThat(nextcloud.requestedScopes.isEmpty(), is(true));
    }

    @Test
    void installedAppsAreCachedUntilTheTtlEnds() {
        nextcloud.answer("bob", FakeNextcloud.capabilities());
        assertThat(showsNotes("bob"), is(false));
        nextcloud.answer("bob", FakeNextcloud.capabilities("notes"));
        now.addAndGet(Duration.ofMinutes(4).toNanos());
        assertThat("still the cached answer", showsNotes("bob"), is(false));
        now.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat("asked again after the TTL", showsNotes("bob"), is(true));
        assertThat(nextcloud.capabilityCalls("bob"), is(2));
    }

    @Test
    void aFailureIsRememberedBrieflyAndFailsOpen() {
        nextcloud.fail("carol", ToolException.Kind.UNAVAILABLE, "down");
        assertThat(showsNotes("carol"), is(true));
        assertThat(showsNotes("carol"), is(true));
        assertThat(nextcloud.capabilityCalls("carol"), is(1));
        nextcloud.answer("carol", FakeNextcloud.capabilities());
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(showsNotes("carol"), is(false));
        assertThat(nextcloud.capabilityCalls("carol"), is(2));
    }

    @Test
    void theCacheIsKeyedByCallerAndBounded() {
        nextcloud.answer("a", FakeNextcloud.capabilities("notes"))
                .answer("b", FakeNextcloud.capabilities())
                .answer("c", FakeNextcloud.capabilities("notes"));
        assertThat(showsNotes("a"), is(true));
        assertThat(showsNotes("b"), is(false));
        assertThat(showsNotes("c"), is(true));   // evicts "a", the least recently used (bound is 2)
        assertThat(showsNotes("b"), is(false));
        assertThat(nextcloud.capabilityCalls("b"), is(1));
        assertThat(showsNotes("a"), is(true));
        assertThat(nextcloud.capabilityCalls("a"), is(2));
    }

    @Test
    void oneListAsksAtMostOnce() {
        nextcloud.answer("dave", FakeNextcloud.capabilities("notes"));
        Caller caller = caller("dave");
        AppAvailability.Visibility visibility = apps.forCaller(caller, scopes -> nextcloud.client(caller, scopes));
        for (ToolDefinition tool : registry.tools()) {
            assertThat(visibility.shows(tool), is(true));
        }
        assertThat(nextcloud.capabilityCalls("dave"), is(1));
    }
}
