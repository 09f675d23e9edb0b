package dev.ncmcp.simulator;

/**
 * The maintenance-mode answers of the different entry points, as captured.
 */
final class Maintenance {
    private volatile boolean enabled;

    boolean enabled() {
        return enabled;
    }

    void enabled(boolean value) {
        this.enabled = value;
    }

    static SimResponse ocs(SimRequest request) {
        return OcsEnvelope.forRequest(request).failure(503, "Service unavailable")
                .header("X-Nextcloud-Maintenance-Mode", "1");
    }

    static SimResponse webDav() {
        return DavXml.error(503, "OCA\\DAV\\Exception\\ServerMaintenanceMode", "System is in maintenance mode.", null);
    }

    static SimResponse page() {
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
