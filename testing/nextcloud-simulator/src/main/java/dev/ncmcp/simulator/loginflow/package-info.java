/**
 * Login Flow v2 (init and poll; the browser grant is a test hook).
 */
package dev.ncmcp.simulator.loginflow;
