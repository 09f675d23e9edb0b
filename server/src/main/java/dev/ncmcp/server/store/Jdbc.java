package dev.ncmcp.server.store;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Plain JDBC for the repositories: one transaction per write, typed nulls, epoch-millisecond times. */
final class Jdbc {

    /** Work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A typed SQL NULL (PostgreSQL wants to know the type of a null parameter). */
    record Null(int type) {
    }

    static final Null NULL_TEXT = new Null(Types.VARCHAR);
    static final Null NULL_TIME = new Null(Types.BIGINT);

    private final DataSource dataSource;
    final SecretBox box;

    Jdbc(DataSource dataSource, SecretBox box) {
        this.dataSource = dataSource;
        this.box = box;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T transaction(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (Throwable e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
            // the pool restores auto-commit when the connection goes back
        } catch (SQLException e) {
            throw new StoreException("store: cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /** Runs a read (autocommit; no transaction is held open). */
    <T> T read(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("store: cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /** One statement in its own transaction; returns the update count. */
    int update(String what, String sql, Object... values) {
        return transaction(what, c -> execute(c, sql, values));
    }

    static int execute(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, values);
            return ps.executeUpdate();
        }
    }

    static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                T result = row.map(rs);
                if (rs.next()) {
                    throw new SQLException("more than one row for a key");
                }
                return Optional.of(result);
            }
        }
    }

    static <T> List<T> list(Connection c, String sql, Row<T> row, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(row.map(rs));
                }
                return result;
            }
        }
    }

    static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            switch (values[i]) {
                case null -> throw new IllegalArgumentException("untyped null parameter " + (i + 1));
                case Null n -> ps.setNull(i + 1, n.type());
                case String s -> ps.setString(i + 1, s);
                case Long l -> ps.setLong(i + 1, l);
                case Integer n -> ps.setInt(i + 1, n);
                default -> throw new IllegalArgumentException("unsupported parameter type " + values[i].getClass());
            }
        }
    }

    static Object text(String value) {
        return value == null ? NULL_TEXT : value;
    }

    static Object time(Instant value) {
        return value == null ? NULL_TIME : value.toEpochMilli();
    }

    /** A boolean as BIGINT 0/1 (portable between SQLite and PostgreSQL). */
    static Object flag(boolean value) {
        return value ? 1L : 0L;
    }

    static boolean flag(ResultSet rs, String column) throws SQLException {
        return rs.getLong(column) != 0;
    }

    static Instant time(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static String scopes(Collection<String> scopes) {
        return String.join(" ", new TreeSet<>(scopes));
    }

    static Set<String> scopes(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(text.strip().split(" +")));
    }

    /** SHA-256 of a one-time value, Base64url: what is stored instead of the value. */
    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
