package dev.ncmcp.simulator.dav;

import dev.ncmcp.simulator.BasicAuth;
import dev.ncmcp.simulator.Handler;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;

/**
 * Authentication of {@code remote.php} requests and Sabre's 401 answers when it fails.
 */
public final class DavAuth {
    private static final String NO_CREDENTIALS = "No public access to this resource., AppAPIAuth has not passed, "
            + "No 'Authorization: Basic' header found. Either the client didn't send one, or the server is "
            + "misconfigured, No 'Authorization: Bearer' header found. Either the client didn't send one, or the "
            + "server is mis-configured, No 'Authorization: Basic' header found. Either the client didn't send one, "
            + "or the server is misconfigured";
    private static final String WRONG_CREDENTIALS = "No public access to this resource., AppAPIAuth has not passed, "
            + "Username or password was incorrect, No 'Authorization: Bearer' header found. Either the client didn't "
            + "send one, or the server is mis-configured, Username or password was incorrect";

    private final BasicAuth auth;

    public DavAuth(BasicAuth auth) {
        this.auth = auth;
    }

    /** A handler of a request made by an authenticated user. */
    @FunctionalInterface
    public interface UserHandler {
        SimResponse handle(SimRequest request, String user);
    }

    /** Runs {@code handler} for authenticated requests and answers the others with Sabre's 401. */
    public Handler requireUser(UserHandler handler) {
        return request -> {
            BasicAuth.Result who = auth.authenticate(request);
            return who.ok() ? handler.handle(request, who.user()) : unauthenticated(request, who.kind());
        };
    }

    private static SimResponse unauthenticated(SimRequest request, BasicAuth.Kind kind) {
        boolean ajax = request.header("X-Requested-With").map("XMLHttpRequest"::equalsIgnoreCase).orElse(false);
        if (ajax && kind == BasicAuth.Kind.ANONYMOUS) {
            return SabreError.response(401, SabreError.NOT_AUTHENTICATED, "Cannot authenticate over ajax calls")
                    .header("WWW-Authenticate", "DummyBasic realm=\"Nextcloud\"");
        }
        String message = kind == BasicAuth.Kind.ANONYMOUS ? NO_CREDENTIALS : WRONG_CREDENTIALS;
        return SabreError.response(401, SabreError.NOT_AUTHENTICATED, message)
                .header("WWW-Authenticate", "Basic realm=\"Nextcloud\", charset=\"UTF-8\"");
    }
}
