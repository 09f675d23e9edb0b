/**
 * The Notes app (API v0.2 and v1): notes are files below the user's notes folder.
 */
package dev.ncmcp.simulator.notes;
