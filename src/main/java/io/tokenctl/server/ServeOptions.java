package io.tokenctl.server;

import io.tokenctl.api.Cidr;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * How a server runs: where it listens; TLS from a PEM certificate chain and PKCS#8 key, or from a PKCS#12 keystore
 * and its password (none of them: plain HTTP); whether {@code POST /api/v2/verify} refuses anonymous callers; and
 * the proxies trusted to name the client's address in {@code X-Forwarded-For}.
 */
public record ServeOptions(
        InetSocketAddress listen,
        Path tlsCert,
        Path tlsKey,
        Path tlsKeystore,
        String tlsKeystorePassword,
        boolean introspectionAuthRequired,
        List<Cidr> trustedProxies) {

    public ServeOptions {
        trustedProxies = List.copyOf(trustedProxies);
    }

    public ServeOptions(InetSocketAddress listen, Path tlsCert, Path tlsKey, Path tlsKeystore,
            boolean introspectionAuthRequired, List<Cidr> trustedProxies) {
        this(listen, tlsCert, tlsKey, tlsKeystore, null, introspectionAuthRequired, trustedProxies);
    }

    public static ServeOptions plain(InetSocketAddress listen) {
        return new ServeOptions(listen, null, null, null, false, List.of());
    }

    @Override
    public String toString() {
        return "ServeOptions[listen=" + listen + ", tls=" + tls() + "]";
    }

    public boolean tls() {
        return tlsCert != null || tlsKeystore != null;
    }
}
