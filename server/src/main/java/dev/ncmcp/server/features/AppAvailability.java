package dev.ncmcp.server.features;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

import dev.ncmcp.server.plugin.LoadedPlugin;
import dev.ncmcp.server.plugin.PluginRegistry;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ScopeDefinition;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import dev.ncmcp.spi.nextcloud.NextcloudException;
import jakarta.json.JsonObject;

/**
 * App gating for the list methods: hides the features of a plugin whose Nextcloud app
 * ({@link dev.ncmcp.spi.NextcloudPlugin#nextcloudApp()}) is not available to the caller, judged from the caller's
 * capabilities (the app's key present in {@code ocs.data.capabilities} = installed).
 *
 * <p>Capabilities are a best-effort signal (Nextcloud still advertises {@code notes} to a user for whom the app is
 * disabled; a call then gets the plugin's own tool error), so gating never breaks a list: when Nextcloud is
 * unreachable, the caller has no Nextcloud credentials yet, or the capabilities cannot be read, everything is shown
 * (logged at DEBUG). The apps a caller has are cached per subject and Nextcloud user for {@link #DEFAULT_TTL};
 * a failure is remembered for a shorter time so an unreachable Nextcloud does not slow every list.
 */
final class AppAvailability {
    private static final System.Logger LOG = System.getLogger(AppAvailability.class.getName());
    static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    static final Duration DEFAULT_FAILURE_TTL = Duration.ofSeconds(30);
    static final int DEFAULT_MAX_CALLERS = 10_000;

    /** Gives a Nextcloud client for the caller, for an operation needing {@code scopes}. */
    @FunctionalInterface
    interface Clients {
        NextcloudClient clientFor(Set<Scope> scopes) throws NextcloudException;
    }

    /** The gated plugins: each one's app and declared scopes. Plugins without an app are never hidden. */
    private record Gate(String app, Set<Scope> scopes) {
    }

    /** The caller's installed apps, or null when unknown (fail open), until {@code expiresAt} (nanoTime). */
    private record Known(Set<String> apps, long expiresAt) {
    }

    private final PluginRegistry registry;
    private final Map<LoadedPlugin, Gate> gates = new HashMap<>();
    private final long ttlNanos;
    private final long failureTtlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Known> cache;

    AppAvailability(PluginRegistry registry) {
        this(registry, DEFAULT_TTL, DEFAULT_FAILURE_TTL, DEFAULT_MAX_CALLERS, System::nanoTime);
    }

    AppAvailability(PluginRegistry registry, Duration ttl, Duration failureTtl, int maxCallers, LongSupplier nanoTime) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.ttlNanos = ttl.toNanos();
        this.failureTtlNanos = failureTtl.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        if (maxCallers < 1) {
            throw new IllegalArgumentException("maxCallers must be at least 1");
        }
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
                return size() > maxCallers;
            }
        };
        for (LoadedPlugin loaded : registry.plugins()) {
            gate(loaded).ifPresent(gate -> gates.put(loaded, gate));
        }
    }

    private static Optional<Gate> gate(LoadedPlugin loaded) {
        try {
            Optional<String> app = loaded.plugin().nextcloudApp();
            if (app == null || app.isEmpty() || app.get().isBlank()) {
                return Optional.empty();
            }
            Set<Scope> scopes = new TreeSet<>();
            for (ScopeDefinition scope : loaded.plugin().scopes()) {
                scopes.add(scope.scope());
            }
            return Optional.of(new Gate(app.get(), Set.copyOf(scopes)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "plugin " + loaded.origin() + ": cannot read nextcloudApp(); its features are "
                    + "never hidden", e);
            return Optional.empty();
        }
    }

    /** A view for one list request: asks Nextcloud (or the cache) at most once, and only if a gated item is listed. */
    Visibility forCaller(Caller caller, Clients clients) {
        return new Visibility(caller, clients);
    }

    final class Visibility {
        private final Caller caller;
        private final Clients clients;
        private boolean resolved;
        private Set<String> apps;

        private Visibility(Caller caller, Clients clients) {
            this.caller = caller;
            this.clients = clients;
        }

        /** Whether a tool, resource, resource template or prompt is shown to the caller. */
        boolean shows(Object definition) {
            Gate gate = registry.owner(definition).map(gates::get).orElse(null);
            if (gate == null) {
                return true;
            }
            if (!resolved) {
                apps = apps(caller, clients, gate);
                resolved = true;
            }
            return apps == null || apps.contains(gate.app());
        }
    }

    private Set<String> apps(Caller caller, Clients clients, Gate gate) {
        String key = caller.subject() + '\n' + caller.nextcloudUser();
        long now = nanoTime.getAsLong();
        synchronized (cache) {
            Known entry = cache.get(key);
            if (entry != null && now - entry.expiresAt() < 0) {
                return entry.apps();
            }
        }
        Set<String> apps = fetch(caller, clients, gate);
        long expiresAt = now + (apps == null ? failureTtlNanos : ttlNanos);
        synchronized (cache) {
            cache.put(key, new Known(apps, expiresAt));
        }
        return apps;
    }

    /** The caller's installed apps, or null (show everything) when they cannot be known. */
    private static Set<String> fetch(Caller caller, Clients clients, Gate gate) {
        // ask with the scopes of the plugin being judged that the caller holds (token exchange requests exactly these)
        Set<Scope> scopes = new TreeSet<>(gate.scopes());
        scopes.retainAll(caller.grantedScopes());
        try {
            JsonObject capabilities = clients.clientFor(Set.copyOf(scopes)).capabilities();
            if (capabilities == null) {
                LOG.log(Level.DEBUG, "no capabilities in Nextcloud's answer; showing every feature");
                return null;
            }
            return Set.copyOf(capabilities.keySet());
        } catch (NextcloudException e) {
            LOG.log(Level.DEBUG, "capabilities unavailable (" + e.kind() + ": " + e.getMessage()
                    + "); showing every feature");
            return null;
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "capabilities unreadable; showing every feature", e);
            return null;
        }
    }
}
