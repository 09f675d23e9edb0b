package dev.ncmcp.server.oauth;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

import java.net.URI;
import java.util.List;

/** The facade's two HTML pages: the consent page and the error page. Everything shown is escaped. */
final class FacadePages {
    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;"
            + "padding:0 1rem;color:#222}code{background:#f3f3f3;padding:0 .2rem}button{font-size:1rem;"
            + "padding:.5rem 1.2rem;margin-right:.8rem}.warn{color:#8a4b00}";

    private FacadePages() {
    }

    static void consent(ServerResponse response, String consentId, ClientResolver.Client client, String redirectUri,
                        List<String> scopes, String cookie) {
        URI redirect = URI.create(redirectUri);
        String host = redirect.getHost() == null ? redirect.getScheme() + ":" : redirect.getHost();
        StringBuilder list = new StringBuilder();
        for (String scope : scopes) {
            list.append("<li><code>").append(escape(scope)).append("</code></li>");
        }
        String warning = RedirectUris.isLoopback(redirect)
                ? "<p class=\"warn\">The answer goes to a program on this computer (" + escape(host) + "). Allow only "
                + "if you just started this connection yourself.</p>" : "";
        String html = "<h1>Allow access to your Nextcloud?</h1>"
                + "<p><strong>" + escape(client.displayName()) + "</strong> wants to use the Nextcloud MCP tools as "
                + "you.</p><p>Client: <code>" + escape(client.id()) + "</code><br>It will receive the answer at "
                + "<strong>" + escape(host) + "</strong>.</p>" + warning
                + (scopes.isEmpty() ? "<p>No application permissions are requested.</p>"
                : "<p>Permissions:</p><ul>" + list + "</ul>")
                + "<form method=\"post\" action=\"authorize\">"
                + "<input type=\"hidden\" name=\"consent\" value=\"" + escape(consentId) + "\">"
                + "<button type=\"submit\" name=\"decision\" value=\"allow\">Allow</button>"
                + "<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></form>";
        response.header(HeaderNames.SET_COOKIE, cookie);
        send(response, Status.OK_200, "Authorize " + client.displayName(), html);
    }

    static void error(ServerResponse response, Status status, String message) {
        send(response, status, "Authorization failed", "<h1>Authorization failed</h1><p>" + escape(message)
                + "</p><p>Return to the application and start the connection again.</p>");
    }

    private static void send(ServerResponse response, Status status, String title, String body) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.header(HeaderNames.create("X-Frame-Options"), "DENY");
        response.header(HeaderNames.create("Content-Security-Policy"),
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        response.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
        response.send("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>" + STYLE + "</style></head><body>" + body + "</body></html>");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
