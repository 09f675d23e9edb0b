package dev.ncmcp.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-encrypts every secret column with the first key of the keyring, in batches of rows, each batch one
 * transaction. A row is rewritten only if it still holds the value read (a concurrent write, which already
 * uses the first key, wins). Rows are visited once in key order, so the run ends even while the sidecar
 * keeps writing.
 */
final class KeyRotation {

    /** A table with secret columns. */
    record Secrets(String table, String key, List<String> columns) {
    }

    static final List<Secrets> SECRETS = List.of(
            new Secrets("app_passwords", "subject", List.of("app_password")),
            new Secrets("login_flows", "subject", List.of("poll_token")),
            new Secrets("pending_authorizations", "state_hash", List.of("idp_code_verifier")),
            new Secrets("authorization_codes", "code_hash", List.of("idp_access_token", "idp_refresh_token")),
            new Secrets("idp_clients", "issuer", List.of("client_secret", "registration_access_token")),
            new Secrets("refresh_tokens", "token_hash", List.of("idp_refresh_token")));

    /**
     * @param reencrypted values rewritten under the first key, per {@code table.column}
     * @param batches     transactions committed
     */
    record Result(Map<String, Integer> reencrypted, int batches) {
        int total() {
            return reencrypted.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final Jdbc db;
    private final int batchSize;

    KeyRotation(Jdbc db, int batchSize) {
        this.db = db;
        this.batchSize = batchSize;
    }

    Result run() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int batches = 0;
        String prefix = db.box.prefix();
        for (Secrets secrets : SECRETS) {
            for (String column : secrets.columns()) {
                counts.put(secrets.table() + "." + column, 0);
            }
            String after = "";
            while (true) {
                String from = after;
                Batch batch = db.transaction("re-encrypt " + secrets.table(), c -> batch(c, secrets, prefix, from));
                if (batch.rows() == 0) {
                    break;
                }
                batches++;
                batch.counts().forEach((column, n) -> counts.merge(column, n, Integer::sum));
                after = batch.last();
            }
        }
        return new Result(counts, batches);
    }

    private record Batch(int rows, String last, Map<String, Integer> counts) {
    }

    private Batch batch(Connection c, Secrets s, String prefix, String after) throws SQLException {
        StringBuilder stale = new StringBuilder();
        for (String column : s.columns()) {
            stale.append(stale.isEmpty() ? "" : " OR ").append("(").append(column).append(" IS NOT NULL AND substr(")
                    .append(column).append(", 1, ").append(prefix.length()).append(") <> ?)");
        }
        String select = "SELECT " + s.key() + ", " + String.join(", ", s.columns()) + " FROM " + s.table()
                + " WHERE " + s.key() + " > ? AND (" + stale + ") ORDER BY " + s.key() + " LIMIT " + batchSize;
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(select)) {
            ps.setString(1, after);
            for (int i = 0; i < s.columns().size(); i++) {
                ps.setString(i + 2, prefix);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] row = new String[s.columns().size() + 1];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String[] row : rows) {
            for (int i = 0; i < s.columns().size(); i++) {
                String column = s.columns().get(i);
                String old = row[i + 1];
                if (old == null || old.startsWith(prefix)) {
                    continue;
                }
                String name = s.table() + "." + column;
                String fresh = db.box.seal(db.box.open(old, name), name);
                int updated = Jdbc.execute(c, "UPDATE " + s.table() + " SET " + column + " = ? WHERE " + s.key()
                        + " = ? AND " + column + " = ?", fresh, row[0], old);
                counts.merge(name, updated, Integer::sum);
            }
        }
        return new Batch(rows.size(), rows.isEmpty() ? after : rows.getLast()[0], counts);
    }
}
