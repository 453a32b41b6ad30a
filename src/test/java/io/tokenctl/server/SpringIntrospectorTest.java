package io.tokenctl.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenctl.api.Permission;
import io.tokenctl.api.Requests.CreateToken;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import org.springframework.security.oauth2.server.resource.introspection.SpringOpaqueTokenIntrospector;

/**
 * An RFC 7662 client written by someone else: Spring Security's opaque-token introspector, as a resource server
 * configures it (introspection URI, its own client credentials as HTTP Basic), reads tokenctl serve's verify.
 */
class SpringIntrospectorTest extends ServerFixture {
    @Test
    void springSecuritysIntrospectorReadsActiveTokensAndRefusesDeadOnes() {
        String plain = engine.as(admin).create(new CreateToken(null, null, null, false, false, false,
                List.of(Permission.parse("read:buckets"), Permission.parse("write:dashboards")), null, null, null, null))
                .secret();
        SpringOpaqueTokenIntrospector introspector = SpringOpaqueTokenIntrospector
                .withIntrospectionUri(base + "/api/v2/verify").clientId("resource-server").clientSecret(admin).build();
        OAuth2AuthenticatedPrincipal p = introspector.introspect(plain);
        List<String> authorities = p.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
        assertEquals(List.of("SCOPE_read:buckets", "SCOPE_write:dashboards"), authorities);
        assertTrue(p.getAttributes().containsKey("iat"), p.getAttributes().toString());
        assertEquals(engine.as(admin).me().id(), p.getAttribute("sub"));

        engine.as(admin).retire(engine.as(admin).find(new io.tokenctl.api.Requests.FindSecret(plain)).id());
        assertThrows(BadOpaqueTokenException.class, () -> introspector.introspect(plain));
        SpringOpaqueTokenIntrospector stranger = SpringOpaqueTokenIntrospector
                .withIntrospectionUri(base + "/api/v2/verify").clientId("x").clientSecret("wrong").build();
        assertThrows(OAuth2IntrospectionException.class, () -> stranger.introspect("tctl_" + "0".repeat(36)));
    }
}
