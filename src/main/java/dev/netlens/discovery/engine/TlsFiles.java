package dev.netlens.discovery.engine;

import com.github.dockerjava.core.SSLConfig;
import com.github.dockerjava.core.util.CertificateUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The client's TLS files named one by one, as the docker CLI's {@code --tlscacert}, {@code --tlscert}
 * and {@code --tlskey} do (DOCKER_CERT_PATH names a folder of ca.pem, cert.pem and key.pem instead).
 *
 * @param ca the certificate authority that signed the engine's certificate
 * @param cert the client certificate, or null with key null (server verified only)
 * @param key the client certificate's private key
 */
public record TlsFiles(Path ca, Path cert, Path key) {
    /** No files named: DOCKER_TLS_VERIFY and DOCKER_CERT_PATH (or nothing) decide. */
    public static final TlsFiles NONE = new TlsFiles(null, null, null);

    public boolean given() {
        return ca != null || cert != null || key != null;
    }

    /** docker-java's TLS setting built from these files. */
    SSLConfig sslConfig() {
        return new PemSsl(text(ca), text(cert), text(key));
    }

    private static String text(Path path) {
        return path == null ? null : path.toString();
    }

    /** Serializable as docker-java's config requires; the context is built when first asked for. */
    private record PemSsl(String ca, String cert, String key) implements SSLConfig, java.io.Serializable {
        @Override
        public SSLContext getSSLContext() {
            // docker-java's PEM reading asks for the BouncyCastle provider by name.
            if (java.security.Security.getProvider("BC") == null) {
                java.security.Security.addProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());
            }
            try {
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                if (cert != null && key != null) {
                    KeyStore store = CertificateUtils.createKeyStore(Files.readString(Path.of(key)), Files.readString(Path.of(cert)));
                    keys.init(store, "docker".toCharArray());
                } else {
                    keys.init(null, null);
                }
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(ca == null ? null : CertificateUtils.createTrustStore(Files.readString(Path.of(ca))));
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keys.getKeyManagers(), trust.getTrustManagers(), new SecureRandom());
                return context;
            } catch (IOException | java.security.GeneralSecurityException e) {
                throw new IllegalStateException("cannot use the TLS files given: " + e.getMessage(), e);
            }
        }
    }
}
