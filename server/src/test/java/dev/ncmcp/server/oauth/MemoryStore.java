package dev.ncmcp.server.oauth;

import dev.ncmcp.server.store.AppPasswords;
import dev.ncmcp.server.store.AuthorizationCodes;
import dev.ncmcp.server.store.ClientRegistrations;
import dev.ncmcp.server.store.IdpClients;
import dev.ncmcp.server.store.LoginFlows;
import dev.ncmcp.server.store.PendingAuthorizations;
import dev.ncmcp.server.store.RefreshTokens;
import dev.ncmcp.server.store.Store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link Store} in memory, for the facade's routing tests (the JDBC store has its own contract tests).
 */
public final class MemoryStore implements Store {
    private static final System.Logger LOG = System.getLogger(MemoryStore.class.getName());

    private final Map<String, AppPasswords.Grant> appPasswords = new ConcurrentHashMap<>();
    private final Map<String, LoginFlows.Session> loginFlows = new ConcurrentHashMap<>();
    private final Map<String, PendingAuthorizations.Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, AuthorizationCodes.Code> codes = new ConcurrentHashMap<>();
    private final Map<String, ClientRegistrations.Registration> registrations = new ConcurrentHashMap<>();
    private final Map<String, IdpClients.Client> idpClients = new ConcurrentHashMap<>();
    private final Map<String, RefreshTokens.Grant> refreshTokens = new ConcurrentHashMap<>();
    /** Used refresh tokens and redeemed codes: value → family, until they would have expired. */
    private final Map<String, Remembered> usedRefreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Remembered> redeemedCodes = new ConcurrentHashMap<>();
    private final Map<String, Instant> revokedFamilies = new ConcurrentHashMap<>();

    private record Remembered(String familyId, Instant expiresAt) {
    }

    /** A memory store for production use as a stop-gap: warns that state is lost on restart. */
    public static MemoryStore create() {
        LOG.log(System.Logger.Level.WARNING, "OAuth facade state is kept in memory: registrations, codes and "
                + "refresh tokens are lost on restart and not shared between replicas");
        return new MemoryStore();
    }

    MemoryStore() {
    }

    @Override
    public AppPasswords appPasswords() {
        return new AppPasswords() {
            public Optional<Grant> find(String subject) {
                return Optional.ofNullable(appPasswords.get(subject));
            }

            public void save(Grant grant) {
                appPasswords.put(grant.subject(), grant);
            }

            public boolean delete(String subject) {
                return appPasswords.remove(subject) != null;
            }
        };
    }

    @Override
    public LoginFlows loginFlows() {
        return new LoginFlows() {
            public Optional<Session> find(String subject) {
                return Optional.ofNullable(loginFlows.get(subject));
            }

            public void save(Session session) {
                loginFlows.put(session.subject(), session);
            }

            public boolean delete(String subject) {
                return loginFlows.remove(subject) != null;
            }
        };
    }

    @Override
    public PendingAuthorizations pendingAuthorizations() {
        return new PendingAuthorizations() {
            public void save(Pending value) {
                pending.put(value.state(), value);
            }

            public Optional<Pending> take(String state) {
                return Optional.ofNullable(pending.remove(state));
            }
        };
    }

    @Override
    public AuthorizationCodes authorizationCodes() {
        return new AuthorizationCodes() {
            public void save(String value, Code code) {
                codes.put(value, code);
            }

            public Redemption redeem(String value, Instant now, String familyId) {
                synchronized (MemoryStore.this) {
                    Code code = codes.remove(value);
                    if (code != null) {
                        if (!code.expiresAt().isAfter(now)) {
                            return new Redemption.Unknown();
                        }
                        redeemedCodes.put(value, new Remembered(familyId, code.expiresAt()));
                        return new Redemption.Redeemed(code);
                    }
                    Remembered redeemed = redeemedCodes.get(value);
                    return redeemed != null && redeemed.expiresAt().isAfter(now)
                            ? new Redemption.Reused(redeemed.familyId()) : new Redemption.Unknown();
                }
            }
        };
    }

    @Override
    public ClientRegistrations clientRegistrations() {
        return new ClientRegistrations() {
            public Optional<Registration> find(String clientId) {
                return Optional.ofNullable(registrations.get(clientId));
            }

            public void save(Registration registration) {
                registrations.put(registration.clientId(), registration);
            }

            public boolean delete(String clientId) {
                return registrations.remove(clientId) != null;
            }
        };
    }

    @Override
    public IdpClients idpClients() {
        return new IdpClients() {
            public Optional<Client> find(String issuer) {
                return Optional.ofNullable(idpClients.get(issuer));
            }

            public void save(Client client) {
                idpClients.put(client.issuer(), client);
            }

            public boolean delete(String issuer) {
                return idpClients.remove(issuer) != null;
            }
        };
    }

    @Override
    public RefreshTokens refreshTokens() {
        return new RefreshTokens() {
            public boolean save(String value, Grant grant) {
                synchronized (MemoryStore.this) {
                    usedRefreshTokens.remove(value);
                    if (revokedFamilies.containsKey(grant.familyId())) {
                        return false;
                    }
                    refreshTokens.put(value, grant);
                    return true;
                }
            }

            public Use use(String value, Instant now) {
                synchronized (MemoryStore.this) {
                    Grant grant = refreshTokens.remove(value);
                    if (grant != null) {
                        if (!grant.expiresAt().isAfter(now)) {
                            return new Use.Unknown();
                        }
                        usedRefreshTokens.put(value, new Remembered(grant.familyId(), grant.expiresAt()));
                        return new Use.Active(grant);
                    }
                    Remembered used = usedRefreshTokens.get(value);
                    return used != null && used.expiresAt().isAfter(now) ? new Use.Replayed(used.familyId())
                            : new Use.Unknown();
                }
            }

            public int revokeFamily(String familyId, Instant until) {
                synchronized (MemoryStore.this) {
                    revokedFamilies.merge(familyId, until, (a, b) -> a.isAfter(b) ? a : b);
                    int before = refreshTokens.size();
                    refreshTokens.values().removeIf(g -> g.familyId().equals(familyId));
                    return before - refreshTokens.size();
                }
            }
        };
    }

    @Override
    public synchronized int purgeExpired(Instant now) {
        int before = pending.size() + codes.size() + refreshTokens.size() + registrations.size()
                + usedRefreshTokens.size() + redeemedCodes.size() + revokedFamilies.size();
        pending.values().removeIf(p -> !p.expiresAt().isAfter(now));
        codes.values().removeIf(c -> !c.expiresAt().isAfter(now));
        refreshTokens.values().removeIf(g -> !g.expiresAt().isAfter(now));
        registrations.values().removeIf(r -> r.expiresAt() != null && !r.expiresAt().isAfter(now));
        usedRefreshTokens.values().removeIf(u -> !u.expiresAt().isAfter(now));
        redeemedCodes.values().removeIf(r -> !r.expiresAt().isAfter(now));
        revokedFamilies.values().removeIf(until -> !until.isAfter(now));
        return before - (pending.size() + codes.size() + refreshTokens.size() + registrations.size()
                + usedRefreshTokens.size() + redeemedCodes.size() + revokedFamilies.size());
    }

    @Override
    public void close() {
    }
}
