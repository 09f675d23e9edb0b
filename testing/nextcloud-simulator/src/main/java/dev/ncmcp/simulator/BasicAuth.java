package dev.ncmcp.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Evaluates the {@code Authorization: Basic} header of a request against the accounts.
 */
final class BasicAuth {
    private final Accounts accounts;

    BasicAuth(Accounts accounts) {
        this.accounts = accounts;
    }

    Result authenticate(SimRequest request) {
        String header = request.header("Authorization").orElse(null);
        if (header == null || header.isBlank()) {
            return Result.ANONYMOUS;
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
        return new Result(Kind.AUTHENTICATED, user, password);
    }

    enum Kind { ANONYMOUS, INVALID, AUTHENTICATED }

    /** Outcome of the check; {@code user}/{@code password} only set when authenticated. */
    record Result(Kind kind, String user, String password) {
        static final Result ANONYMOUS = new Result(Kind.ANONYMOUS, null, null);
        static final Result INVALID = new Result(Kind.INVALID, null, null);

        boolean ok() {
            return kind == Kind.AUTHENTICATED;
        }
    }

    static String basicHeader(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

}
