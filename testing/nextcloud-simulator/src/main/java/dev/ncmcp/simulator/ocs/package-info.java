/**
 * OCS core endpoints (capabilities, current user, app password) and {@code status.php}.
 */
package dev.ncmcp.simulator.ocs;
