package io.tokenctl.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenctl.TestClock;
import io.tokenctl.api.AppState;
import io.tokenctl.api.CreatedToken;
import io.tokenctl.api.ErrorCode;
import io.tokenctl.api.Expiry;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Requests.CloneToken;
import io.tokenctl.api.Requests.CreateToken;
import io.tokenctl.api.Requests.CreateUser;
import io.tokenctl.api.Requests.DeleteUser;
import io.tokenctl.api.Requests.FindSecret;
import io.tokenctl.api.Requests.ListAudit;
import io.tokenctl.api.Requests.ListTokens;
import io.tokenctl.api.Requests.ListUsers;
import io.tokenctl.api.Requests.Regenerate;
import io.tokenctl.api.Requests.RevokeOrg;
import io.tokenctl.api.Requests.SetAppState;
import io.tokenctl.api.Requests.Setup;
import io.tokenctl.api.Requests.UpdateToken;
import io.tokenctl.api.Requests.Verify;
import io.tokenctl.api.Results.Me;
import io.tokenctl.api.Results.SetupResult;
import io.tokenctl.api.Results.SigningKey;
import io.tokenctl.api.Results.TokenPage;
import io.tokenctl.api.Results.Verification;
import io.tokenctl.api.Role;
import io.tokenctl.api.Token;
import io.tokenctl.api.TokenKind;
import io.tokenctl.api.TokenService;
import io.tokenctl.api.TokenStatus;
import io.tokenctl.api.TokenctlException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of {@link TokenService}, held by every implementation: the local engine over a store file, and
 * the remote client talking to a real server on loopback. The same calls give the same results and the same
 * error codes, whichever is behind the interface.
 */
public abstract class TokenServiceContract {
    static final Permission RB = Permission.parse("read:buckets");
    static final Permission WB = Permission.parse("write:buckets");

    @TempDir
    protected Path dir;
    protected final TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
    protected String adminSecret;
    protected TokenService admin;

    /** Starts whatever stands behind the interface, over {@code store}. */
    protected abstract void start(Path store);

    /** The API as the caller presenting {@code secret} (null: anonymous). */
    protected abstract TokenService as(String secret);

    protected abstract void stop();

    @BeforeEach
    void setUpStore() {
        start(dir.resolve("tokenctl.db"));
        SetupResult s = as(null).setup(new Setup("admin", "acme", false));
        adminSecret = s.token().secret();
        admin = as(adminSecret);
    }

    @AfterEach
    void tearDown() {
        stop();
    }

    static CreateToken create(List<Permission> permissions) {
        return new CreateToken(null, null, null, false, false, false, permissions, null, null, null, null);
    }

    static void refused(ErrorCode code, Executable call) {
        TokenctlException e = assertThrows(TokenctlException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void setupRunsOnceAndTheOperatorTokenHasAllAccess() {
        refused(ErrorCode.CONFLICT, () -> as(null).setup(new Setup("eve", "evil", false)));
        Me me = admin.me();
        assertEquals("admin", me.name());
        assertEquals("acme", me.org());
        assertEquals(38, me.permissions().size());
    }

    @Test
    void aCreatedTokenIsShownListedAndNeverShowsItsSecretAgain() {
        CreatedToken c = admin.create(new CreateToken("ci", null, null, false, false, false, List.of(RB, WB),
                Expiry.parse("expires", "30d"), null, AppState.ALLOW, List.of("10.0.0.0/8")));
        assertTrue(c.secret().startsWith("tctl_"));
        Token shown = admin.show(c.token().id());
        assertEquals(c.token(), shown);
        assertEquals(clock.instant().plus(Duration.ofDays(30)), shown.expiresAt());
        TokenPage page = admin.list(new ListTokens(null, null, null, null, null, null));
        assertTrue(page.tokens().contains(shown));
        assertFalse(page.tokens().toString().contains(c.secret()));
    }

    @Test
    void listsPageAndRefuseAPageSizeOutOfBounds() {
        for (int i = 0; i < 4; i++) {
            admin.create(create(List.of(RB)));
        }
        TokenPage first = admin.list(new ListTokens(null, null, null, null, 2, null));
        assertEquals(2, first.tokens().size());
        assertNotNull(first.next());
        TokenPage rest = admin.list(new ListTokens(null, null, null, null, 10, first.next()));
        assertEquals(3, rest.tokens().size());
        assertNull(rest.next());
        refused(ErrorCode.USAGE, () -> admin.list(new ListTokens(null, null, null, null, 0, null)));
        refused(ErrorCode.USAGE, () -> admin.list(new ListTokens(null, null, null, null, 10_001, null)));
        refused(ErrorCode.USAGE, () -> admin.list(new ListTokens(null, null, null, null, null, "nope")));
    }

    @Test
    void anUpdateChangesMetadataInOneStepAndNothingToChangeIsAUsageError() {
        String id = admin.create(create(List.of(RB))).token().id();
        Token t = admin.update(new UpdateToken(id, "nightly", Expiry.parse("expires", "1d"), null, TokenStatus.INACTIVE));
        assertEquals("nightly", t.description());
        assertEquals(TokenStatus.INACTIVE, t.status());
        assertEquals("admin", t.deactivatedBy());
        refused(ErrorCode.USAGE, () -> admin.update(new UpdateToken(id, null, null, null, null)));
        refused(ErrorCode.USAGE, () -> admin.update(new UpdateToken(id, "x".repeat(257), null, null, null)));
        refused(ErrorCode.USAGE, () -> admin.update(new UpdateToken(id, null, null, null, TokenStatus.RETIRED)));
    }

    @Test
    void statusMovesAndRetirementIsFinal() {
        String id = admin.create(create(List.of(RB))).token().id();
        assertEquals(TokenStatus.INACTIVE, admin.deactivate(id).status());
        assertEquals(TokenStatus.ACTIVE, admin.activate(id).status());
        assertEquals(TokenStatus.RETIRED, admin.retire(id).status());
        refused(ErrorCode.CONFLICT, () -> admin.activate(id));
        admin.delete(id);
        refused(ErrorCode.NOT_FOUND, () -> admin.show(id));
    }

    @Test
    void regenerateKeepsTheIdAndTheOldSecretWorksForItsGrace() {
        CreatedToken c = admin.create(create(List.of(RB)));
        CreatedToken fresh = admin.regenerate(new Regenerate(c.token().id(), Duration.ofHours(1), null, false));
        assertEquals(c.token().id(), fresh.token().id());
        assertNotEquals(c.secret(), fresh.secret());
        assertTrue(as(null).verify(new Verify(c.secret(), null, null, List.of())).active());
        clock.advance(Duration.ofHours(1));
        Verification late = as(null).verify(new Verify(c.secret(), null, null, List.of()));
        assertFalse(late.active());
        assertNull(late.id(), "an anonymous verifier learns nothing of a dead secret");
        assertTrue(admin.verify(new Verify(c.secret(), null, null, List.of())).reason().contains("likely leaked"));
        refused(ErrorCode.USAGE, () -> admin.regenerate(new Regenerate(c.token().id(), Duration.ofHours(1),
                clock.instant().plusSeconds(60), false)));
    }

    @Test
    void aCloneIsANewTokenAndPromotionMakesAnAccountToken() {
        CreatedToken c = admin.create(create(List.of(RB, WB)));
        CreatedToken clone = admin.cloneToken(new CloneToken(c.token().id(), "copy", null, false));
        assertNotEquals(c.token().id(), clone.token().id());
        assertEquals(c.token().permissions(), clone.token().permissions());
        Token promoted = admin.promote(clone.token().id());
        assertEquals(TokenKind.ACCOUNT, promoted.kind());
        refused(ErrorCode.CONFLICT, () -> admin.promote(clone.token().id()));
    }

    @Test
    void verifyAnswersLikeIntrospectionAndRecordsUse() {
        CreatedToken c = admin.create(create(List.of(RB)));
        Verification ok = as(null).verify(new Verify(c.secret(), null, "10.1.2.3", List.of(RB)));
        assertTrue(ok.active());
        assertEquals(List.of(RB), ok.permissions());
        Verification missing = as(null).verify(new Verify(c.secret(), null, null, List.of(WB)));
        assertEquals(ErrorCode.FORBIDDEN, missing.code());
        Verification bad = as(null).verify(new Verify("tctl_" + "0".repeat(36), null, null, List.of()));
        assertEquals(ErrorCode.UNAUTHENTICATED, bad.code());
        refused(ErrorCode.USAGE, () -> as(null).verify(new Verify(c.secret(), null, "10.0.0.300", List.of())));
    }

    @Test
    void appsAreRecordedApprovedAndDenied() {
        CreatedToken c = admin.create(new CreateToken(null, null, null, false, false, false, List.of(RB), null, null,
                AppState.PENDING, null));
        Verification first = as(null).verify(new Verify(c.secret(), "grafana", null, List.of()));
        assertEquals(ErrorCode.UNAUTHENTICATED, first.code());
        assertEquals("grafana", admin.apps(c.token().id()).get(0).app());
        assertEquals(AppState.ALLOW, admin.setAppState(new SetAppState(c.token().id(), "grafana", AppState.ALLOW)).state());
        assertTrue(as(null).verify(new Verify(c.secret(), "grafana", null, List.of())).active());
        admin.setAppState(new SetAppState(c.token().id(), "evil", AppState.DENY));
        assertEquals(ErrorCode.FORBIDDEN, as(null).verify(new Verify(c.secret(), "evil", null, List.of())).code());
        refused(ErrorCode.USAGE, () -> admin.setAppState(new SetAppState(c.token().id(), "graf\u200bana", AppState.ALLOW)));
    }

    @Test
    void usersOrgsAndTheAuditLog() {
        assertEquals(Role.READ_ONLY, admin.createUser(new CreateUser("rob", null, Role.READ_ONLY)).role());
        refused(ErrorCode.CONFLICT, () -> admin.createUser(new CreateUser("rob", null, Role.NORMAL)));
        String robs = admin.create(new CreateToken(null, "rob", null, false, false, false, List.of(RB,
                Permission.parse("read:authorizations")), null, null, null, null)).secret();
        TokenService rob = as(robs);
        refused(ErrorCode.FORBIDDEN, () -> rob.create(create(List.of(RB))));
        refused(ErrorCode.FORBIDDEN, () -> rob.audit(new ListAudit(null, null, null, null, null)));
        assertEquals(1, rob.list(new ListTokens(null, null, null, null, null, null)).tokens().size());
        assertEquals("staging", admin.createOrg("staging").name());
        assertEquals(2, admin.listOrgs().size());
        assertEquals(3, admin.listUsers(new ListUsers(null)).size());
        assertEquals(1, admin.deleteUser(new DeleteUser("rob", null)).retiredTokenIDs().size());
        refused(ErrorCode.UNAUTHENTICATED, () -> as(robs).me());
        var events = admin.audit(new ListAudit(null, null, null, null, null)).events();
        assertTrue(events.stream().anyMatch(e -> e.action().equals("create") && e.outcome().equals("denied")));
        assertTrue(events.stream().anyMatch(e -> e.action().equals("user delete")));
    }

    @Test
    void aLeakedSecretIsFoundAndRetiredByItself() {
        CreatedToken c = admin.create(create(List.of(RB)));
        assertEquals(c.token().id(), admin.find(new FindSecret(c.secret())).id());
        assertEquals(TokenStatus.RETIRED, admin.retireBySecret(new FindSecret(c.secret())).status());
        refused(ErrorCode.USAGE, () -> admin.find(new FindSecret("not a secret")));
    }

    @Test
    void signingKeysRotateListAndGo() {
        SigningKey k = admin.rotateOrgKey("acme");
        assertTrue(admin.orgKeys("acme").contains(k));
        admin.removeOrgKey("acme", k.kid());
        assertFalse(admin.orgKeys("acme").contains(k));
        refused(ErrorCode.NOT_FOUND, () -> admin.removeOrgKey("acme", k.kid()));
        refused(ErrorCode.NOT_FOUND, () -> admin.orgKeys("nope"));
    }

    @Test
    void anAdminOfOneOrgMayOnlyCutItOut() {
        admin.createOrg("staging");
        admin.createUser(new CreateUser("sam", "staging", Role.ADMIN));
        TokenService sam = as(admin.create(new CreateToken(null, "sam", List.of("staging"), false, false, true, List.of(),
                null, null, null, null)).secret());
        String both = admin.create(new CreateToken(null, null, List.of("acme", "staging"), false, false, false,
                List.of(RB), null, null, null, null)).token().id();
        refused(ErrorCode.FORBIDDEN, () -> sam.retire(both));
        Token cut = sam.revokeOrg(new RevokeOrg(both, "staging"));
        assertEquals(1, cut.orgIDs().size());
        refused(ErrorCode.NOT_FOUND, () -> sam.show(both));
    }

    @Test
    void everyRefusalHasItsCode() {
        refused(ErrorCode.UNAUTHENTICATED, () -> as("tctl_" + "0".repeat(36)).list(new ListTokens(null, null, null,
                null, null, null)));
        refused(ErrorCode.UNAUTHENTICATED, () -> as(null).me());
        refused(ErrorCode.NOT_FOUND, () -> admin.show("0000000000000000"));
        refused(ErrorCode.NOT_FOUND, () -> admin.show("nosuch"));
        refused(ErrorCode.USAGE, () -> admin.show("a\nb"));
        refused(ErrorCode.USAGE, () -> admin.create(create(List.of())));
        refused(ErrorCode.USAGE, () -> admin.createUser(new CreateUser("bad name", null, Role.NORMAL)));
        refused(ErrorCode.CONFLICT, () -> admin.createOrg("acme"));
    }
    @Test
    void aJwtTokenVerifiesAndItsKeyIsPublished() {
        CreatedToken jwt = admin.create(new CreateToken(null, null, null, false, false, false, List.of(RB),
                Expiry.parse("expires", "1d"), io.tokenctl.api.TokenFormat.JWT, null, null));
        assertTrue(jwt.secret().startsWith("ey"), "a JWT");
        assertTrue(as(null).verify(new Verify(jwt.secret(), null, null, List.of(RB))).active());
        assertEquals(1, admin.orgKeys("acme").size());
    }

    @Test
    void listsFilterByStatusUserOrgAndExpiry() {
        admin.createUser(new CreateUser("ann", null, Role.NORMAL));
        String soon = admin.create(new CreateToken(null, "ann", null, false, false, false, List.of(RB),
                Expiry.parse("expires", "2d"), null, null, null)).token().id();
        String off = admin.create(create(List.of(RB))).token().id();
        admin.deactivate(off);
        assertEquals(List.of(soon), ids(admin.list(new ListTokens("ann", null, null, null, null, null))));
        assertEquals(List.of(off), ids(admin.list(new ListTokens(null, null, TokenStatus.INACTIVE, null, null, null))));
        assertEquals(List.of(soon), ids(admin.list(new ListTokens(null, "acme", null, Duration.ofDays(7), null, null))));
        refused(ErrorCode.NOT_FOUND, () -> admin.list(new ListTokens("nobody", null, null, null, null, null)));
    }

    static List<String> ids(TokenPage page) {
        return page.tokens().stream().map(Token::id).toList();
    }

    @Test
    void anOwnerChangeIsCheckedAgainstTheNewOwnersRole() {
        admin.createUser(new CreateUser("rita", null, Role.READ_ONLY));
        admin.createUser(new CreateUser("nick", null, Role.NORMAL));
        String id = admin.create(create(List.of(RB, WB))).token().id();
        refused(ErrorCode.FORBIDDEN, () -> admin.update(new UpdateToken(id, null, null, "rita", null)));
        assertEquals("nick", admin.update(new UpdateToken(id, null, null, "nick", null)).user());
    }

    @Test
    void deletingAUserFromOneOrgKeepsThemElsewhere() {
        admin.createOrg("beta");
        admin.createUser(new CreateUser("bea", null, Role.NORMAL));
        admin.createUser(new CreateUser("bea", "beta", Role.NORMAL));
        var removed = admin.deleteUser(new DeleteUser("bea", "beta"));
        assertEquals(List.of("beta"), removed.orgs());
        assertTrue(removed.retiredTokenIDs().isEmpty());
        assertEquals(1, admin.listUsers(new ListUsers("acme")).stream().filter(m -> m.user().equals("bea")).count());
        refused(ErrorCode.NOT_FOUND, () -> admin.deleteUser(new DeleteUser("bea", "beta")));
    }

    @Test
    void theAuditLogPagesAndFilters() {
        for (int i = 0; i < 3; i++) {
            admin.create(create(List.of(RB)));
        }
        var first = admin.audit(new ListAudit(null, null, null, 2, null));
        assertEquals(2, first.events().size());
        assertNotNull(first.next());
        var rest = admin.audit(new ListAudit(null, "admin", null, 100, first.next()));
        assertTrue(rest.events().stream().allMatch(e -> e.actorUser().equals("admin")));
        assertTrue(rest.events().get(0).seq() > first.events().get(1).seq());
        refused(ErrorCode.USAGE, () -> admin.audit(new ListAudit(null, null, null, 0, null)));
    }

    @Test
    void anUnknownSecretIsNotFoundAndAPendingStateIsNoDecision() {
        String unknown = io.tokenctl.core.Secrets.generate(new java.security.SecureRandom());
        refused(ErrorCode.NOT_FOUND, () -> admin.find(new FindSecret(unknown)));
        String id = admin.create(create(List.of(RB))).token().id();
        refused(ErrorCode.USAGE, () -> admin.setAppState(new SetAppState(id, "grafana", AppState.PENDING)));
    }

    @Test
    void anInactiveTokenMayBeMadeAndIsActivatedLater() {
        CreatedToken c = admin.create(new CreateToken(null, null, null, false, false, false, List.of(RB), null, null,
                null, null, TokenStatus.INACTIVE));
        assertEquals(TokenStatus.INACTIVE, c.token().status());
        assertFalse(as(null).verify(new Verify(c.secret(), null, null, List.of())).active());
        admin.activate(c.token().id());
        assertTrue(as(null).verify(new Verify(c.secret(), null, null, List.of())).active());
    }

    @Test
    void aWhoamiAndAnAccountTokenSayWhoActs() {
        CreatedToken account = admin.create(new CreateToken(null, null, null, false, true, false, List.of(RB,
                Permission.parse("read:authorizations")), null, null, null, null));
        Me me = as(account.secret()).me();
        assertEquals(TokenKind.ACCOUNT, me.kind());
        assertNull(me.id());
        assertEquals("account:acme", me.name());
        assertEquals(account.token().id(), me.tokenID());
    }
}
