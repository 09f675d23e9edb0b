package dev.ncmcp.server.nextcloud;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Builds the SSL context for Nextcloud calls: JDK trust store, plus a PEM bundle, or no verification. */
final class TlsContexts {

    private TlsContexts() {
    }

    static SSLContext create(boolean verify, Path caBundle) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            if (!verify) {
                context.init(null, new TrustManager[] {new TrustEverything()}, null);
            } else if (caBundle != null) {
                context.init(null, new TrustManager[] {combined(caBundle)}, null);
            } else {
                context.init(null, null, null);
            }
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS for Nextcloud (CA bundle " + caBundle + "): "
                    + e.getMessage(), e);
        }
    }

    /** The JDK's default trust anchors plus every certificate in the PEM bundle. */
    private static X509TrustManager combined(Path pem) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int index = 0;
        for (X509Certificate anchor : defaultTrustManager(null).getAcceptedIssuers()) {
            store.setCertificateEntry("jdk-" + index++, anchor);
        }
        List<Certificate> extra = readPem(pem);
        if (extra.isEmpty()) {
            throw new CertificateException("no certificate found in " + pem);
        }
        for (Certificate certificate : extra) {
            store.setCertificateEntry("bundle-" + index++, certificate);
        }
        return defaultTrustManager(store);
    }

    private static List<Certificate> readPem(Path pem) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(pem)) {
            return new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
    }

    private static X509TrustManager defaultTrustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X509TrustManager available");
    }

    /**
     * Accepts any certificate and, being an X509ExtendedTrustManager, also skips the host name check
     * the JDK would otherwise perform: {@code nextcloud.tls.verify: false} means exactly that.
     */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
