package dev.ncmcp.simulator;

/**
 * Maintenance mode on or off, and the answer of the {@code index.php} entry point while it is on
 * (the OCS and WebDAV entry points have their own, registered by those apps).
 */
public final class Maintenance {
    private volatile boolean enabled;

    public boolean enabled() {
        return enabled;
    }

    void enabled(boolean value) {
        this.enabled = value;
    }

    static SimResponse page(SimRequest request) {
        return SimResponse.html(503, """
                <!DOCTYPE html>
                <html class="ng-csp" data-placeholder-focus="false" lang="en">
                <head><meta charset="utf-8"><title>Nextcloud</title></head>
                <body id="body-login">
                <h1 class="hidden-visually">Nextcloud</h1>
                <div class="guest-box"><h2>Maintenance mode</h2>
                <p>This Nextcloud instance is currently in maintenance mode, which may take a while.</p>
                <p>This page will refresh itself when the instance is available again.</p></div>
                </body>
                </html>
                """).header("Retry-After", "120").header("X-Nextcloud-Maintenance-Mode", "1");
    }
}
