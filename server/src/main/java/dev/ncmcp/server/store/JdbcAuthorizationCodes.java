package dev.ncmcp.server.store;

import java.time.Instant;
import java.util.Optional;

import static dev.ncmcp.server.store.Jdbc.flag;
import static dev.ncmcp.server.store.Jdbc.hash;
import static dev.ncmcp.server.store.Jdbc.one;
import static dev.ncmcp.server.store.Jdbc.text;
import static dev.ncmcp.server.store.Jdbc.time;

/**
 * Codes are stored under their SHA-256. {@link #redeem} is one {@code DELETE … RETURNING}: of any number
 * of concurrent callers (also on other replicas sharing a PostgreSQL) exactly one gets the row. The winner, in the
 * same transaction, remembers the code's hash in {@code redeemed_codes} with the token family it starts, until the
 * code's expiry; a loser's {@code DELETE} waits for the winner's row lock, so by the time it finds no row the
 * winner's record is committed and it reports the reuse. An expired code is deleted too, and never returned.
 */
final class JdbcAuthorizationCodes implements AuthorizationCodes {

    static final String ACCESS = "authorization_codes.idp_access_token";
    static final String REFRESH = "authorization_codes.idp_refresh_token";

    private final Jdbc db;

    JdbcAuthorizationCodes(Jdbc db) {
        this.db = db;
    }

    @Override
    public void save(String value, Code code) {
        db.update("save an authorization code", """
                INSERT INTO authorization_codes (code_hash, client_id, redirect_uri, redirect_uri_given,
                    code_challenge, scope, resource, subject, idp_access_token, idp_refresh_token, access_expires_at,
                    expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                hash(value), code.clientId(), text(code.redirectUri()), flag(code.redirectUriGiven()),
                text(code.codeChallenge()), text(code.scope()), text(code.resource()), text(code.subject()),
                text(db.box.seal(code.idpAccessToken(), ACCESS)), text(db.box.seal(code.idpRefreshToken(), REFRESH)),
                time(code.accessExpiresAt()), time(code.expiresAt()));
    }

    @Override
    public Redemption redeem(String value, Instant now, String familyId) {
        String hash = hash(value);
        long millis = now.toEpochMilli();
        return db.transaction("redeem an authorization code", c -> {
            Optional<Code> deleted = one(c, """
                    DELETE FROM authorization_codes WHERE code_hash = ?
                    RETURNING client_id, redirect_uri, redirect_uri_given, code_challenge, scope, resource, subject,
                        idp_access_token, idp_refresh_token, access_expires_at, expires_at""",
                    rs -> new Code(rs.getString("client_id"), rs.getString("redirect_uri"),
                            flag(rs, "redirect_uri_given"), rs.getString("code_challenge"), rs.getString("scope"),
                            rs.getString("resource"), rs.getString("subject"),
                            db.box.open(rs.getString("idp_access_token"), ACCESS),
                            db.box.open(rs.getString("idp_refresh_token"), REFRESH), time(rs, "access_expires_at"),
                            time(rs, "expires_at")),
                    hash);
            if (deleted.isPresent()) {
                Code code = deleted.get();
                if (!code.expiresAt().isAfter(now)) {
                    return new Redemption.Unknown();
                }
                Jdbc.execute(c, "INSERT INTO redeemed_codes (code_hash, family_id, expires_at) VALUES (?, ?, ?)",
                        hash, familyId, time(code.expiresAt()));
                return new Redemption.Redeemed(code);
            }
            return one(c, "SELECT family_id FROM redeemed_codes WHERE code_hash = ? AND expires_at > ?",
                    rs -> (Redemption) new Redemption.Reused(rs.getString("family_id")), hash, millis)
                    .orElseGet(Redemption.Unknown::new);
        });
    }
}
