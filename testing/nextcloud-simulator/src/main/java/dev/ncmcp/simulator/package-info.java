/**
 * An in-memory Nextcloud for tests and the demo mode. Public API for other modules:
 * {@link dev.ncmcp.simulator.NextcloudSimulator}, {@link dev.ncmcp.simulator.NextcloudVersion} and
 * {@link dev.ncmcp.simulator.RecordedRequest}.
 *
 * <p>This package is the core: the server and its {@link dev.ncmcp.simulator.Routes}, accounts and
 * authentication, the request/response types, failure injection and maintenance mode. Each
 * simulated app lives in its own subpackage ({@code notes}, {@code files}, {@code deck}, {@code ocs},
 * {@code loginflow}; {@code dav} holds the Sabre/WebDAV plumbing they share) and joins through
 * {@link dev.ncmcp.simulator.SimulatorApp}. The other public types here exist for those
 * subpackages, not for tests.
 */
package dev.ncmcp.simulator;
