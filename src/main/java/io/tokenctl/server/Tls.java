package io.tokenctl.server;

import io.tokenctl.api.TokenctlException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server's key and certificate, read with the JDK's own classes: PEM (a chain and a PKCS#8 key) or PKCS#12. */
final class Tls {
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    /** The in-memory keystore's password: it never leaves this process. */
    static final char[] PASSWORD = "tokenctl".toCharArray();

    private Tls() {
    }

    /** A keystore holding the server's key under "server", from the options' files. */
    static KeyStore keyStore(ServeOptions o) {
        if (o.tlsKeystore() != null) {
            return pkcs12(o.tlsKeystore(), o.tlsKeystorePassword());
        }
        if (o.tlsKey() == null) {
            throw TokenctlException.usage("--tls-cert needs --tls-key (the PKCS#8 PEM private key)");
        }
        List<Certificate> chain = certificates(o.tlsCert());
        PrivateKey key = privateKey(o.tlsKey());
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", key, PASSWORD, chain.toArray(Certificate[]::new));
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw TokenctlException.usage("--tls-key does not match --tls-cert: " + e.getMessage());
        }
    }

    static List<Certificate> certificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<Certificate> out = new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
            if (out.isEmpty()) {
                throw TokenctlException.usage(file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
            }
            return out;
        } catch (IOException e) {
            throw TokenctlException.usage("cannot read " + file + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw TokenctlException.usage(file + " is not a PEM certificate: " + e.getMessage());
        }
    }

    private static PrivateKey privateKey(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw TokenctlException.usage("--tls-key: cannot read " + file + ": " + e.getMessage());
        }
        Matcher m = PRIVATE_KEY.matcher(text);
        if (!m.find()) {
            throw TokenctlException.usage("--tls-key: " + file + " holds no PKCS#8 key (-----BEGIN PRIVATE KEY-----);"
                    + " convert one with `openssl pkcs8 -topk8 -nocrypt -in key.pem`");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next kind of key
            }
        }
        throw TokenctlException.usage("--tls-key: " + file + " is not an RSA, EC or Ed25519 PKCS#8 key");
    }

    private static KeyStore pkcs12(Path file, String password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password == null ? new char[0] : password.toCharArray());
            KeyStore out = KeyStore.getInstance("PKCS12");
            out.load(null, null);
            for (String alias : java.util.Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    out.setKeyEntry("server", ks.getKey(alias, password == null ? new char[0] : password.toCharArray()),
                            PASSWORD, ks.getCertificateChain(alias));
                    return out;
                }
            }
            throw TokenctlException.usage("--tls-keystore: " + file + " holds no private key");
        } catch (IOException e) {
            throw TokenctlException.usage("--tls-keystore: cannot read " + file + " (wrong password? set"
                    + " TOKENCTL_TLS_KEYSTORE_PASSWORD): " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw TokenctlException.usage("--tls-keystore: " + file + " is not a PKCS#12 keystore: " + e.getMessage());
        }
    }
}
