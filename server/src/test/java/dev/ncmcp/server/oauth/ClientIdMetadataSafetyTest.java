package dev.ncmcp.server.oauth;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * SSRF rules of the Client ID Metadata Document fetcher. No public https server is reachable here, so the transport
 * is swapped for plain TCP to a local server with a policy admitting loopback; the default policy is tested apart.
 */
class ClientIdMetadataSafetyTest {

    @Test
    void onlyPublicUnicastAddressesAreAllowed() throws Exception {
        for (String refused : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1",
                "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1",
                "2001:db8::1", "198.18.0.1")) {
            assertThat(refused, AddressPolicy.isPublic(InetAddress.getByName(refused)), is(false));
        }
        for (String allowed : List.of("8.8.8.8", "1.1.1.1", "172.32.0.1", "2606:4700::1111", "64:ff9b::808:808")) {
            assertThat(allowed, AddressPolicy.isPublic(InetAddress.getByName(allowed)), is(true));
        }
    }

    @Test
    void urlsMustBeHttpsWithAPath() {
        assertThat(SafeMetadataFetcher.urlProblem(URI.create("http://app.example/c.json"), true), containsString("https"));
        assertThat(SafeMetadataFetcher.urlProblem(URI.create("https://app.example"), true), containsString("path"));
        assertThat(SafeMetadataFetcher.urlProblem(URI.create("https://app.example/"), true), containsString("path"));
        assertThat(SafeMetadataFetcher.urlProblem(URI.create("https://u:p@app.example/c"), true),
                containsString("user info"));
        assertThat(SafeMetadataFetcher.urlProblem(URI.create("https://app.example/a/../c"), true),
                containsString("dot"));
        assertThat(SafeMetadataFetcher.urlProblem(URI.create("https://app.example/c.json"), true), is((String) null));
    }

    @Test
    void namesResolvingToPrivateAddressesAreRefusedBeforeConnecting() {
        AtomicBoolean connected = new AtomicBoolean();
        SafeMetadataFetcher fetcher = new SafeMetadataFetcher(host -> new InetAddress[] {
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5")}, AddressPolicy::isPublic,
                (address, host, port, timeout) -> {
                    connected.set(true);
                    throw new IOException("must not connect");
                }, Duration.ofSeconds(5), 65536, true);
        IOException e = assertThrows(IOException.class, () -> fetcher.fetch(URI.create("https://rebind.example/c")));
        assertThat(e.getMessage(), containsString("non-public"));
        assertThat(connected.get(), is(false));
        SafeMetadataFetcher real = new SafeMetadataFetcher();
        assertThat(assertThrows(IOException.class, () -> real.fetch(URI.create("https://127.0.0.1/c.json")))
                .getMessage(), containsString("non-public"));
        assertThat(assertThrows(IOException.class, () -> real.fetch(URI.create("https://localhost/c.json")))
                .getMessage(), containsString("non-public"));
    }

    @Test
    void connectsToTheCheckedAddressAndReadsTheDocument() throws Exception {
        try (LocalServer server = new LocalServer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Cache-Control: max-age=600\r\n\r\n{\"client_id\":\"x\"}", 0)) {
            MetadataFetcher.Fetched fetched = server.fetcher(65536, Duration.ofSeconds(5))
                    .fetch(URI.create("http://app.example:" + server.port() + "/c.json"));
            assertThat(fetched.body(), is("{\"client_id\":\"x\"}"));
            assertThat(fetched.maxAge(), is(Duration.ofMinutes(10)));
            assertThat(server.request(), containsString("GET /c.json HTTP/1.0\r\nHost: app.example:"));
        }
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        try (LocalServer server = new LocalServer("HTTP/1.1 302 Found\r\nLocation: http://169.254.169.254/\r\n\r\n",
                0)) {
            IOException e = assertThrows(IOException.class, () -> server.fetcher(65536, Duration.ofSeconds(5))
                    .fetch(URI.create("http://app.example:" + server.port() + "/c.json")));
            assertThat(e.getMessage(), containsString("redirects are not followed"));
        }
    }

    @Test
    void documentsLargerThanTheLimitAreRefused() throws Exception {
        try (LocalServer server = new LocalServer("HTTP/1.1 200 OK\r\n\r\n" + "x".repeat(70_000), 0)) {
            IOException e = assertThrows(IOException.class, () -> server.fetcher(65536, Duration.ofSeconds(5))
                    .fetch(URI.create("http://app.example:" + server.port() + "/c.json")));
            assertThat(e.getMessage(), containsString("larger than 65536"));
        }
    }

    @Test
    void slowServersHitTheDeadline() throws Exception {
        try (LocalServer server = new LocalServer("HTTP/1.1 200 OK\r\n\r\n{}", 3000)) {
            long start = System.nanoTime();
            IOException e = assertThrows(IOException.class, () -> server.fetcher(65536, Duration.ofMillis(500))
                    .fetch(URI.create("http://app.example:" + server.port() + "/c.json")));
            assertThat(e.getMessage(), containsString("longer than 500 ms"));
            assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2500, is(true));
        }
    }

    /** Answers one connection with a canned response after an optional delay. */
    private static final class LocalServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private volatile String request = "";

        LocalServer(String response, long delayMillis) throws IOException {
            Thread.ofVirtual().start(() -> {
                try (Socket client = socket.accept()) {
                    InputStream in = client.getInputStream();
                    byte[] buffer = new byte[4096];
                    int n = in.read(buffer);
                    request = new String(buffer, 0, Math.max(0, n), StandardCharsets.US_ASCII);
                    Thread.sleep(delayMillis);
                    OutputStream out = client.getOutputStream();
                    out.write(response.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (Exception e) {
                    // test over
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        String request() throws InterruptedException {
            Thread.sleep(50);
            return request;
        }

        SafeMetadataFetcher fetcher(int maxBytes, Duration timeout) {
            return new SafeMetadataFetcher(host -> new InetAddress[] {InetAddress.getLoopbackAddress()},
                    address -> address.isLoopbackAddress(), (address, host, port, t) -> {
                        Socket plain = new Socket();
                        plain.connect(new InetSocketAddress(address, port), (int) t.toMillis());
                        return plain;
                    }, timeout, maxBytes, false);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
