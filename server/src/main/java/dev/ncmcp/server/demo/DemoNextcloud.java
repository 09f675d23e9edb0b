package dev.ncmcp.server.demo;

/**
 * A Nextcloud to run the sidecar against when none is configured: the demo. The server jar ships no
 * implementation; the demo distribution ({@code testing/demo}, laid out in {@code demo/} beside the server jar)
 * provides one as a {@link java.util.ServiceLoader} service, so a production installation never carries a
 * simulated Nextcloud.
 */
public interface DemoNextcloud {

    /** Starts a Nextcloud with sample notes and files on a free loopback port, with one user. */
    Running start(String user, String password, String displayName);

    /** A started demo Nextcloud; nothing of it is kept. */
    interface Running extends AutoCloseable {

        /** For example {@code http://127.0.0.1:40123}. */
        String baseUrl();

        /** Stops it. */
        @Override
        void close();
    }
}
