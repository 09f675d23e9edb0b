package dev.ncmcp.server.oauth;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches Client ID Metadata Documents without becoming an SSRF tool: https only, a path required, no user info;
 * the host is resolved once, every address must be public ({@link AddressPolicy}) and the connection goes to that
 * very address (TLS still verifies the certificate for the host name), so DNS rebinding between check and connect
 * is impossible; no redirects; one deadline for the whole exchange; at most {@link #maxBytes} of document.
 */
final class SafeMetadataFetcher implements MetadataFetcher {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    static final int DEFAULT_MAX_BYTES = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*(\\d+)");

    /** Opens a connection to an already checked address; TLS in production, plain in tests. */
    @FunctionalInterface
    interface Connector {
        Socket connect(InetAddress address, String host, int port, Duration timeout) throws IOException;
    }

    /** Resolves a host name (the JDK resolver in production). */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Resolver resolver;
    private final Predicate<InetAddress> allowed;
    private final Connector connector;
    private final Duration timeout;
    private final int maxBytes;
    private final boolean requireHttps;

    SafeMetadataFetcher() {
        this(InetAddress::getAllByName, AddressPolicy::isPublic, SafeMetadataFetcher::tls, DEFAULT_TIMEOUT,
                DEFAULT_MAX_BYTES, true);
    }

    SafeMetadataFetcher(Resolver resolver, Predicate<InetAddress> allowed, Connector connector, Duration timeout,
                        int maxBytes, boolean requireHttps) {
        this.resolver = resolver;
        this.allowed = allowed;
        this.connector = connector;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.requireHttps = requireHttps;
    }

    /** Why {@code url} cannot be a client id, or null when it can (CIMD §3: https with a path). */
    static String urlProblem(URI url, boolean requireHttps) {
        if (url.getScheme() == null || !(url.getScheme().equals("https") || !requireHttps
                && url.getScheme().equals("http"))) {
            return "the client id URL must use https";
        }
        if (url.getHost() == null || url.getRawUserInfo() != null) {
            return "the client id URL must name a host and no user info";
        }
        String path = url.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "the client id URL must have a path";
        }
        if (url.getRawFragment() != null || path.contains("/./") || path.contains("/../") || path.endsWith("/.")
                || path.endsWith("/..")) {
            return "the client id URL must not have a fragment or dot segments";
        }
        return null;
    }

    @Override
    public Fetched fetch(URI url) throws IOException {
        String problem = urlProblem(url, requireHttps);
        if (problem != null) {
            throw new IOException(problem);
        }
        String host = url.getHost();
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new IOException("cannot resolve " + host);
        }
        if (addresses.length == 0) {
            throw new IOException("cannot resolve " + host);
        }
        for (InetAddress address : addresses) {
            if (!allowed.test(address)) {
                throw new IOException(host + " resolves to a non-public address (" + address.getHostAddress()
                        + "); metadata documents are only fetched from public addresses");
            }
        }
        int port = url.getPort() > 0 ? url.getPort() : url.getScheme().equals("https") ? 443 : 80;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket socket = connector.connect(addresses[0], bare, port, timeout)) {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            String hostHeader = host + (url.getPort() > 0 ? ":" + url.getPort() : "");
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.0\r\nHost: " + hostHeader + "\r\nAccept: application/json\r\n"
                    + "User-Agent: ncmcp\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] raw = readAll(socket.getInputStream(), MAX_HEADER_BYTES + maxBytes, deadline, socket);
            return parse(raw, url);
        } catch (SocketTimeoutException e) {
            throw new IOException("fetching " + url + " took longer than " + timeout.toMillis() + " ms");
        }
    }

    private byte[] readAll(InputStream in, int limit, long deadline, Socket socket) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException();
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            int n = in.read(chunk);
            if (n < 0) {
                return buffer.toByteArray();
            }
            buffer.write(chunk, 0, n);
            if (buffer.size() > limit) {
                throw new IOException("the metadata document is larger than " + maxBytes + " bytes");
            }
        }
    }

    private Fetched parse(byte[] raw, URI url) throws IOException {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0 || end > MAX_HEADER_BYTES) {
            throw new IOException(url + " did not answer with an HTTP response");
        }
        List<String> lines = List.of(new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n"));
        String[] status = lines.get(0).split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/")) {
            throw new IOException(url + " did not answer with an HTTP response");
        }
        int code;
        try {
            code = Integer.parseInt(status[1]);
        } catch (NumberFormatException e) {
            throw new IOException(url + " did not answer with an HTTP response");
        }
        if (code >= 300 && code < 400) {
            throw new IOException(url + " redirects (HTTP " + code + "); redirects are not followed");
        }
        if (code != 200) {
            throw new IOException(url + " answered HTTP " + code);
        }
        Duration maxAge = null;
        boolean chunked = false;
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            if (name.equals("cache-control")) {
                Matcher m = MAX_AGE.matcher(value);
                if (value.contains("no-store") || value.contains("no-cache")) {
                    maxAge = Duration.ZERO;
                } else if (m.find()) {
                    maxAge = Duration.ofSeconds(Long.parseLong(m.group(1).length() > 9 ? "999999999" : m.group(1)));
                }
            } else if (name.equals("transfer-encoding") && value.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (chunked) {
            body = dechunk(body);
        }
        if (body.length > maxBytes) {
            throw new IOException("the metadata document is larger than " + maxBytes + " bytes");
        }
        return new Fetched(new String(body, StandardCharsets.UTF_8), maxAge);
    }

    private static byte[] dechunk(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (true) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(body, pos, body.length),
                    "\r\n".getBytes(StandardCharsets.US_ASCII));
            if (lineEnd < 0) {
                throw new IOException("malformed chunked response");
            }
            String sizeText = new String(body, pos, lineEnd, StandardCharsets.US_ASCII).split(";")[0].trim();
            int size;
            try {
                size = Integer.parseInt(sizeText, 16);
            } catch (NumberFormatException e) {
                throw new IOException("malformed chunked response");
            }
            pos += lineEnd + 2;
            if (size == 0) {
                return out.toByteArray();
            }
            if (size < 0 || pos + size > body.length) {
                throw new IOException("malformed chunked response");
            }
            out.write(body, pos, size);
            pos += size + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** TCP to the checked address, then TLS with SNI and certificate verification for the host name. */
    private static Socket tls(InetAddress address, String host, int port, Duration timeout) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
            plain.setSoTimeout((int) timeout.toMillis());
            SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(plain, host, port, true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!host.contains(":") && !Character.isDigit(host.charAt(host.length() - 1))) {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            }
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }
}
