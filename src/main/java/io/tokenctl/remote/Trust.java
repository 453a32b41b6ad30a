package io.tokenctl.remote;

import io.tokenctl.api.TokenctlException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/** Whom an https client trusts: the system's CAs, and a private CA's PEM certificate when one is given. */
final class Trust {
    private Trust() {
    }

    static SSLContext context(Path caCert, boolean skipVerify) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            TrustManager tm = skipVerify ? new TrustingEveryone() : caCert == null ? null : both(caCert);
            ctx.init(null, tm == null ? null : new TrustManager[] {tm}, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw TokenctlException.failure("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** The system's trust and the private CA's, either enough. */
    private static X509TrustManager both(Path caCert) throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        try (InputStream in = Files.newInputStream(caCert)) {
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("ca" + i++, c);
            }
        } catch (IOException e) {
            throw TokenctlException.usage("--ca-cert: cannot read " + caCert + ": " + e.getMessage());
        } catch (CertificateException e) {
            throw TokenctlException.usage("--ca-cert: " + caCert + " is not a PEM certificate");
        }
        if (i == 0) {
            throw TokenctlException.usage("--ca-cert: " + caCert + " holds no certificate (-----BEGIN CERTIFICATE-----)");
        }
        X509TrustManager mine = manager(ks);
        X509TrustManager system = manager(null);
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String auth) throws CertificateException {
                system.checkClientTrusted(chain, auth);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String auth) throws CertificateException {
                try {
                    mine.checkServerTrusted(chain, auth);
                } catch (CertificateException notOurs) {
                    system.checkServerTrusted(chain, auth);
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return system.getAcceptedIssuers();
            }
        };
    }

    private static X509TrustManager manager(KeyStore ks) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(ks);
        for (TrustManager t : f.getTrustManagers()) {
            if (t instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** --skip-verify: any certificate, any name. For test set-ups only; the CLI says so loudly. */
    private static final class TrustingEveryone extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

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
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
