package io.tokenctl.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.influxdb.client.AuthorizationsApi;
import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.domain.Authorization;
import com.influxdb.client.domain.AuthorizationUpdateRequest;
import com.influxdb.client.domain.Permission;
import com.influxdb.client.domain.PermissionResource;
import com.influxdb.exceptions.NotFoundException;
import com.influxdb.exceptions.UnauthorizedException;
import io.tokenctl.TestClock;
import io.tokenctl.api.Requests.Setup;
import io.tokenctl.api.Results.SetupResult;
import io.tokenctl.core.Engine;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client written by someone else: InfluxDB's official Java client (com.influxdb:influxdb-client-java), whose
 * users already script against /api/v2/authorizations, lists, creates, gets, patches and deletes tokens on a
 * tokenctl serve, and gets its 401 for a bad token.
 */
class InfluxClientTest {
    @TempDir
    Path dir;
    Engine engine;
    Server server;
    SetupResult setup;
    String url;

    @BeforeEach
    void start() {
        SecureRandom random = new SecureRandom();
        engine = new Engine(dir.resolve("t.db"), new TestClock(Instant.parse("2026-11-23T12:00:00Z")), () -> random);
        engine.openOrCreate();
        server = Server.start(engine, ServeOptions.plain(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                line -> { });
        url = "http://127.0.0.1:" + server.address().getPort();
        setup = engine.as(null).setup(new Setup("admin", "acme", false));
    }

    @AfterEach
    void stop() {
        server.stopNow();
        engine.close();
    }

    @Test
    void influxDbsOwnClientManagesTokensOnTokenctl() {
        try (InfluxDBClient client = InfluxDBClientFactory.create(url, setup.token().secret().toCharArray())) {
            AuthorizationsApi auth = client.getAuthorizationsApi();
            PermissionResource buckets = new PermissionResource();
            buckets.setType(PermissionResource.TYPE_BUCKETS);
            buckets.setOrgID(setup.orgID());
            Permission read = new Permission();
            read.setAction(Permission.ActionEnum.READ);
            read.setResource(buckets);

            Authorization made = auth.createAuthorization(setup.orgID(), List.of(read));
            assertTrue(made.getToken().startsWith("tctl_"), "the new secret, once");
            assertEquals(setup.orgID(), made.getOrgID());
            assertEquals(setup.userID(), made.getUserID());
            assertEquals("buckets", made.getPermissions().get(0).getResource().getType());

            List<Authorization> all = auth.findAuthorizations();
            assertEquals(2, all.size());
            assertEquals(1, auth.findAuthorizationsByOrgID(setup.orgID()).stream()
                    .filter(a -> a.getId().equals(made.getId())).count());

            Authorization got = auth.findAuthorizationByID(made.getId());
            assertEquals(null, got.getToken(), "never the secret again");
            got.setDescription("written by influx");
            got.setStatus(AuthorizationUpdateRequest.StatusEnum.INACTIVE);
            Authorization patched = auth.updateAuthorization(got);
            assertEquals("written by influx", patched.getDescription());
            assertEquals(AuthorizationUpdateRequest.StatusEnum.INACTIVE, patched.getStatus());

            auth.deleteAuthorization(made.getId());
            assertThrows(NotFoundException.class, () -> auth.findAuthorizationByID(made.getId()));
        }
        try (InfluxDBClient stranger = InfluxDBClientFactory.create(url, ("tctl_" + "0".repeat(36)).toCharArray())) {
            assertThrows(UnauthorizedException.class, () -> stranger.getAuthorizationsApi().findAuthorizations());
        }
    }
}
