package dev.ncmcp.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * Evaluates the {@code Authorization} header of a request: Basic against the accounts, Bearer (as
 * Nextcloud's user_oidc accepts it) against a test-supplied validator that maps a token to a user.
 */
public final class BasicAuth {
    private final Accounts accounts;
    private final Function<String, Optional<String>> bearerTokens;

    BasicAuth(Accounts accounts, Function<String, Optional<String>> bearerTokens) {
        this.accounts = accounts;
        this.bearerTokens = bearerTokens;
    }

    public Result authenticate(SimRequest request) {
        String header = request.header("Authorization").orElse(null);
        if (header == null || header.isBlank()) {
            return Result.ANONYMOUS;
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearerTokens.apply(header.substring(7).trim())
                    .map(user -> new Result(Kind.AUTHENTICATED, user, null, true))
                    .orElse(Result.INVALID);
        }
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Result.INVALID;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Result.INVALID;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Result.INVALID;
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        if (!accounts.check(user, password)) {
            // Nextcloud also accepts the login name case-insensitively; the simulator keeps it exact.
            return Result.INVALID;
        }
        return new Result(Kind.AUTHENTICATED, user, password, false);
    }

    public enum Kind { ANONYMOUS, INVALID, AUTHENTICATED }

    /** Outcome of the check; {@code user} only set when authenticated, {@code password} only for Basic. */
    public record Result(Kind kind, String user, String password, boolean bearer) {
        static final Result ANONYMOUS = new Result(Kind.ANONYMOUS, null, null, false);
        static final Result INVALID = new Result(Kind.INVALID, null, null, false);

        public boolean ok() {
            return kind == Kind.AUTHENTICATED;
        }
    }

    public static String basicHeader(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

}
