/**
 * What every {@code remote.php} app (files today; CalDAV and CardDAV next) shares: safe XML
 * parsing, multistatus bodies, Sabre error bodies, authentication answers and the maintenance answer.
 */
package dev.ncmcp.simulator.dav;
