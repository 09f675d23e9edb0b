package dev.ncmcp.simulator.dav;

import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;

/**
 * The answer of {@code remote.php} in maintenance mode: Sabre's 503 with
 * {@code OCA\DAV\Exception\ServerMaintenanceMode} and, unlike OCS and {@code index.php}, no
 * {@code X-Nextcloud-Maintenance-Mode} header ({@code errors/22-maintenance-webdav.http}).
 */
public final class DavMaintenance {
    private DavMaintenance() {
    }

    public static SimResponse answer(SimRequest request) {
        return SabreError.response(503, "OCA\\DAV\\Exception\\ServerMaintenanceMode", "System is in maintenance mode.");
    }
}
