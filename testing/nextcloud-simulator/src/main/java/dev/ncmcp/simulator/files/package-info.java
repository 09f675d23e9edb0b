/**
 * The Files app over WebDAV: the users' file trees (shared with Notes), methods, properties,
 * SEARCH and the favorites REPORT.
 */
package dev.ncmcp.simulator.files;
