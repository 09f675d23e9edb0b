package dev.ncmcp.server.oauth;

import java.net.URI;
import java.util.function.Supplier;

/**
 * Where the facade lives: its issuer (the origin of the MCP URL), its callback at the IdP, and the one resource it
 * issues tokens for. The MCP URL is asked for each time: the port is known only once the server listens.
 */
final class FacadeSite {
    private final Supplier<URI> resource;

    FacadeSite(Supplier<URI> resource) {
        this.resource = resource;
    }

    /** The MCP endpoint URL. */
    URI resource() {
        return resource.get();
    }

    /** The facade's issuer: the origin of the MCP URL. */
    String issuer() {
        URI mcp = resource.get();
        return mcp.getScheme() + "://" + mcp.getRawAuthority();
    }

    URI callbackUri() {
        return URI.create(issuer() + "/oauth/callback");
    }

    /** RFC 8707 resource: the MCP URL, forgiving scheme/host case and a trailing slash. */
    boolean sameResource(String value) {
        try {
            URI asked = new URI(value);
            URI ours = resource.get();
            if (asked.getScheme() == null || asked.getRawAuthority() == null || asked.getRawFragment() != null) {
                return false;
            }
            String askedPath = asked.getRawPath() == null ? "" : asked.getRawPath();
            String ourPath = ours.getRawPath() == null ? "" : ours.getRawPath();
            return asked.getScheme().equalsIgnoreCase(ours.getScheme())
                    && asked.getRawAuthority().equalsIgnoreCase(ours.getRawAuthority())
                    && stripSlash(askedPath).equals(stripSlash(ourPath))
                    && asked.getRawQuery() == null;
        } catch (Exception e) {
            return false;
        }
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
