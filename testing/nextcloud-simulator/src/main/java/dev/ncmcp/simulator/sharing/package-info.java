/**
 * The files_sharing app: the OCS share API ({@code /ocs/v[12].php/apps/files_sharing/api/v1/shares}, sharees),
 * public link downloads ({@code /index.php/s/<token>/download}) and the public WebDAV of a link
 * ({@code /public.php/dav/files/<token>/}). Shares point at nodes of the shared file store; Nextcloud 29 and 31
 * answer in the shapes captured in {@code sharing/}.
 */
package dev.ncmcp.simulator.sharing;
