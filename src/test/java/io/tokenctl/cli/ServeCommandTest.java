package io.tokenctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** serve's --listen forms, and the warning when it listens beyond loopback (it speaks plain HTTP). */
class ServeCommandTest {
    @Test
    void listenTakesHostPortBracketedV6AndPortAlone() throws Exception {
        assertEquals(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8086), ServeCommand.address("127.0.0.1:8086"));
        assertEquals(new InetSocketAddress(InetAddress.getByName("::1"), 9000), ServeCommand.address("[::1]:9000"));
        assertTrue(ServeCommand.address(":8086").getAddress().isAnyLocalAddress());
        assertEquals(0, ServeCommand.address("127.0.0.1:0").getPort());
    }

    @Test
    void listeningBeyondLoopbackIsCalledOutBecauseTokensWouldCrossInTheClear() throws Exception {
        assertNull(ServeCommand.exposureNote(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8086)));
        assertNull(ServeCommand.exposureNote(new InetSocketAddress(InetAddress.getByName("::1"), 8086)));
        String every = ServeCommand.exposureNote(new InetSocketAddress(8086));
        assertTrue(every.contains(":8086") && every.contains("TLS") && !every.contains("\n"), every);
    }
}
