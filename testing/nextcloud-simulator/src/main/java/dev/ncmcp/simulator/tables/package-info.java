/**
 * The Tables app: tables with typed columns, rows and filtered views, over its REST API v1
 * ({@code /index.php/apps/tables/api/1}) and its OCS API v2 ({@code /ocs/v2.php/apps/tables/api/2}). Tables 1.0.9
 * (Nextcloud 31) and 0.9.11 (Nextcloud 29) differ as captured in {@code tables/}: 0.9 has no
 * {@code viewColumnInformation}, {@code textUnique} and {@code customSettings}, lists a view's columns by id, and
 * stores rows without their mandatory columns. Ids come from one sequence per kind across all users, like the app's
 * database tables.
 */
package dev.ncmcp.simulator.tables;
