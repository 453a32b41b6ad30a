package io.tokenctl.core;

import io.tokenctl.api.Limits;
import io.tokenctl.api.AppState;
import io.tokenctl.api.CreatedToken;
import io.tokenctl.api.Expiry;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Requests.CloneToken;
import io.tokenctl.api.Requests.CreateToken;
import io.tokenctl.api.Requests.CreateUser;
import io.tokenctl.api.Requests.DeleteUser;
import io.tokenctl.api.Requests.ListAudit;
import io.tokenctl.api.Requests.ListTokens;
import io.tokenctl.api.Requests.FindSecret;
import io.tokenctl.api.Requests.ListUsers;
import io.tokenctl.api.Requests.SetAppState;
import io.tokenctl.api.Requests.Verify;
import io.tokenctl.api.Results.AppUse;
import io.tokenctl.api.Results.SigningKey;
import io.tokenctl.api.Results.Verification;
import io.tokenctl.api.Requests.Regenerate;
import io.tokenctl.api.Requests.RevokeOrg;
import io.tokenctl.api.Requests.Setup;
import io.tokenctl.api.Requests.UpdateToken;
import io.tokenctl.api.Results.AuditPage;
import io.tokenctl.api.Results.Member;
import io.tokenctl.api.Results.Org;
import io.tokenctl.api.Results.SetupResult;
import io.tokenctl.api.Results.TokenPage;
import io.tokenctl.api.Results.UserDeleted;
import io.tokenctl.api.Role;
import io.tokenctl.api.Token;
import io.tokenctl.api.TokenFormat;
import io.tokenctl.api.TokenKind;
import io.tokenctl.api.TokenService;
import io.tokenctl.api.TokenStatus;
import io.tokenctl.api.TokenctlException;
import io.tokenctl.core.port.Rows.OrgRow;
import io.tokenctl.core.port.Rows.SecretRow;
import io.tokenctl.core.port.Rows.TokenFilter;
import io.tokenctl.core.port.Rows.TokenRow;
import io.tokenctl.core.port.Rows.UserRow;
import io.tokenctl.core.port.Storage;
import io.tokenctl.core.port.StoreTx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The API over a local store, as one caller: every rule of tokenctl, applied once, here (token rules in this class
 * and {@link Minting}, identity and audit in {@link Directory}). Calls act as the operator token it was made with;
 * what callers share (the store, the verify cache, the usage tally) is the {@link Engine}'s. Cheap to make: a
 * server makes one per request.
 */
public final class LocalTokenService implements TokenService {
    private final Engine engine;
    private final Operations ops;
    private final boolean ownsEngine;

    LocalTokenService(Engine engine, String operatorSecret, boolean ownsEngine) {
        this.engine = engine;
        this.ownsEngine = ownsEngine;
        // a caller owning its engine is a short-lived process (a CLI run): its code is cold, so it rehearses each
        // change before taking the write lock others may be waiting for
        this.ops = new Operations(engine, operatorSecret, ownsEngine);
    }

    /** A caller with an engine of its own over {@code storeFile}, closed with it: for tests and one-off tools. */
    public LocalTokenService(Path storeFile, String operatorSecret, Clock clock, SecureRandom random) {
        this(new Engine(storeFile, clock, () -> random), operatorSecret, true);
    }

    /** The engine's verifier. Package-private for tests of the verifier against the same connection. */
    Verifier verifier() {
        return engine.verifier;
    }

    /** The engine's store. Package-private for tests. */
    Storage store() {
        return engine.store();
    }

    // --- setup

    @Override
    public SetupResult setup(Setup request) {
        String username = Limits.name("username", request.username());
        String orgName = Limits.name("org", request.org());
        if (!request.force() && engine.address().isFile() && isEmptyFile(engine.address().file())) {
            throw TokenctlException.conflict("store " + engine.address() + " already exists (an"
                    + " empty file); set it up with force to make it a store");
        }
        Storage store = engine.storeForSetup();
        Instant now = engine.clock.instant();
        return store.write(tx -> {
            if (tx.countOrgs() > 0) {
                throw TokenctlException.conflict("this store is already set up; setup runs once per store and left it"
                        + " untouched (create tokens with the operator token setup made)");
            }
            OrgRow org = new OrgRow(Ids.next(now, engine.random.get()), orgName, now);
            UserRow user = new UserRow(Ids.next(now, engine.random.get()), username, now);
            tx.insertOrg(org);
            tx.insertUser(user);
            tx.insertMembership(user.id(), org.id(), Role.ADMIN.wire());
            // the operator token reaches every org its admin will belong to
            Minting.Plan plan = new Minting.Plan(TokenKind.USER, user, org, List.of(), true, Permissions.allAccess(),
                    username + "'s operator token", null, TokenFormat.OPAQUE, AppState.ALLOW, List.of(), List.of());
            Minting.Minted minted = Minting.insert(tx, plan, null, null, now, engine.random.get());
            tx.insertAudit(new io.tokenctl.core.port.Rows.AuditRow(null, now, minted.row().id(), username, org.id(), "setup",
                    "org:" + orgName, Audit.ALLOWED, null));
            return new SetupResult(org.id(), org.name(), user.id(), user.name(), minted.created());
        });
    }

    private static boolean isEmptyFile(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) == 0;
        } catch (java.io.IOException e) {
            return false; // opening it reports what is wrong
        }
    }

    // --- tokens

    @Override
    public CreatedToken create(CreateToken request) {
        String description = Limits.description(request.description());
        Limits.nameOrNull("user", request.user());
        request.orgs().forEach(o -> Limits.name("org", o));
        List<Permission> permissions = Minting.permissionsOf(request.allAccess(), request.permissions());
        if (request.allOrgs() && !request.orgs().isEmpty()) {
            throw TokenctlException.usage("allOrgs and orgs exclude each other; give one");
        }
        if (request.account() && request.allOrgs()) {
            throw TokenctlException.usage("allOrgs is for user tokens; an account token has a fixed list of orgs");
        }
        Minting.Use use = Minting.Use.of(request.format(), request.appDefault(), request.allowIPs());
        if (request.account() && request.user() != null) {
            throw TokenctlException.usage("account and user exclude each other: an account token belongs to the org");
        }
        if (request.status() != TokenStatus.ACTIVE && request.status() != TokenStatus.INACTIVE) {
            throw TokenctlException.usage("status: a new token is active or inactive");
        }
        return ops.change("create", null, (tx, caller, now) -> {
            Instant expiresAt = futureExpiry(request.expires(), now);
            UserRow owner = request.account() ? null : Minting.owner(tx, caller, request.user());
            Minting.Plan plan = Minting.plan(tx, caller, request.account() ? TokenKind.ACCOUNT : TokenKind.USER, owner,
                    request.orgs(), request.allOrgs(), List.of(), permissions, description, expiresAt, use);
            Minting.Minted minted = Minting.mint(tx, caller, plan, null, now, engine.random.get());
            Audit.allowed(tx, caller, now, plan.home().id(), "create", minted.row().id(), null);
            if (request.status() == TokenStatus.INACTIVE) {
                // made inactive, as InfluxDB's API allows: it works once someone activates it
                TokenRow row = minted.row();
                tx.deactivate(row.id(), caller.auditName(), !Visibility.isOwner(caller, row), now);
                Audit.allowed(tx, caller, now, plan.home().id(), "deactivate", row.id(), "made inactive");
                return new CreatedToken(Tokens.view(tx.findToken(row.id()).orElseThrow(), now), minted.created().secret());
            }
            return minted.created();
        });
    }

    @Override
    public TokenPage list(ListTokens request) {
        int limit = pageSize(request.limit(), ListTokens.DEFAULT_LIMIT);
        if (request.after() != null && !Ids.looksLikeId(request.after())) {
            throw TokenctlException.usage("after: " + Limits.quoted(request.after())
                    + " is not a token id (16 hex digits)");
        }
        Limits.nameOrNull("user", request.user());
        Limits.nameOrNull("org", request.org());
        return ops.look("list", null, (tx, caller, now) -> {
            List<String> readable = Visibility.readableOrgs(caller);
            List<String> adminOrgs = new ArrayList<>(caller.adminOrgIds());
            adminOrgs.retainAll(readable);
            // own tokens matter only where the caller isn't admin: there it sees every token anyway
            List<String> ownOnly = new ArrayList<>(readable);
            ownOnly.removeAll(adminOrgs);
            String userId = null;
            if (request.user() != null) {
                userId = Directory.findUser(tx, request.user()).map(UserRow::id)
                        .orElseThrow(() -> TokenctlException.notFound("no user named \"" + request.user() + "\""));
            }
            String orgId = null;
            if (request.org() != null) {
                orgId = Directory.orgInScope(tx, caller, request.org()).id();
            }
            TokenFilter filter = new TokenFilter(adminOrgs,
                    caller.kind() == TokenKind.USER ? caller.userId() : null, ownOnly, userId, orgId,
                    request.status(), request.expiringWithin() == null ? null : now.plus(request.expiringWithin()), now,
                    request.after(), limit + 1);
            List<TokenRow> rows = tx.listTokens(filter);
            List<Token> out = new ArrayList<>(Math.min(rows.size(), limit));
            for (int i = 0; i < rows.size() && i < limit; i++) {
                out.add(Tokens.view(rows.get(i), now));
            }
            String next = rows.size() > limit ? out.get(limit - 1).id() : null;
            Long total = next == null && request.after() == null ? Long.valueOf(out.size())
                    : Directory.told(atMost -> tx.countTokens(filter, atMost));
            return new TokenPage(out, next, total);
        });
    }

    @Override
    public Token show(String id) {
        Ids.requireTokenId(id);
        return ops.look("show", id, (tx, caller, now) -> Tokens.view(Visibility.visible(tx, caller, id), now));
    }

    @Override
    public Token update(UpdateToken request) {
        String description = Limits.description(request.description());
        Ids.requireTokenId(request.id());
        Limits.nameOrNull("owner", request.owner());
        TokenStatus status = request.status();
        if (status != null && status != TokenStatus.ACTIVE && status != TokenStatus.INACTIVE) {
            throw TokenctlException.usage("status: " + status.wire() + " can't be set by an update; use active or"
                    + " inactive (a token is retired by retire)");
        }
        if (description == null && request.expires() == null && request.owner() == null) {
            if (status == null) {
                throw TokenctlException.usage("nothing to change: give a description, an expiry, an owner or a status");
            }
            return setStatus(request.id(), status, statusAction(status));
        }
        return ops.change("update", request.id(), (tx, caller, now) -> {
            Visibility.Managed managed = Visibility.manageable(tx, caller, request.id());
            TokenRow row = managed.row();
            requireNotRetired(row, "updated");
            Instant expiresAt = row.expiresAt();
            if (request.expires() != null) {
                expiresAt = newExpiry(row, futureExpiry(request.expires(), now), now);
                Minting.requireCanReissue(tx, caller, row, expiresAt);
            }
            tx.updateToken(row.id(), description == null ? row.description() : description, expiresAt, now);
            String reason = null;
            if (request.owner() != null) {
                UserRow owner = Minting.transferTo(tx, caller, row, request.owner());
                tx.setOwner(row.id(), owner.id(), now);
                reason = "owner " + row.userName() + " -> " + owner.name();
            }
            Audit.allowed(tx, caller, now, row.orgId(), "update", row.id(), reason);
            if (status != null && changes(caller, row, status)) {
                applyStatus(tx, caller, now, managed, status, statusAction(status));
            }
            return Tokens.view(tx.findToken(row.id()).orElseThrow(), now);
        });
    }

    /**
     * The expiry an update may give {@code row}: an expired token stays expired (it was revoked at expiry); a live
     * one may be given less time freely, and more only up to what the token that made it could grant
     * ({@code expiresAtMost}); requireCanReissue adds that it may not outlive the operator token.
     */
    private static Instant newExpiry(TokenRow row, Instant wanted, Instant now) {
        if (Tokens.hasExpired(row, now)) {
            throw TokenctlException.conflict("token " + row.id() + " expired at " + row.expiresAt() + "; an expired"
                    + " token stays expired (it was revoked at expiry): create a new token");
        }
        boolean longer = wanted == null ? row.expiresAt() != null
                : row.expiresAt() != null && wanted.isAfter(row.expiresAt());
        if (longer) {
            Instant most = row.expiresAtMost();
            if (most != null && (wanted == null || wanted.isAfter(most))) {
                throw TokenctlException.forbidden("expires: " + (wanted == null ? "never" : wanted.toString())
                        + " is later than token " + row.id() + " may ever live, " + most + " (what the token that made"
                        + " it could grant); give an expiry at or before " + most + ", or create a new token");
            }
        }
        return wanted;
    }

    private static String statusAction(TokenStatus status) {
        return status == TokenStatus.ACTIVE ? "activate" : status == TokenStatus.INACTIVE ? "deactivate" : "retire";
    }

    @Override
    public Token activate(String id) {
        return setStatus(id, TokenStatus.ACTIVE, "activate");
    }

    @Override
    public Token deactivate(String id) {
        return setStatus(id, TokenStatus.INACTIVE, "deactivate");
    }

    @Override
    public Token retire(String id) {
        return setStatus(id, TokenStatus.RETIRED, "retire");
    }

    private Token setStatus(String id, TokenStatus status, String action) {
        Ids.requireTokenId(id);
        return ops.change(action, id, (tx, caller, now) -> {
            Visibility.Managed managed = Visibility.manageable(tx, caller, id);
            TokenRow row = managed.row();
            if (changes(caller, row, status)) {
                applyStatus(tx, caller, now, managed, status, action);
            }
            return Tokens.view(tx.findToken(row.id()).orElseThrow(), now);
        });
    }

    /**
     * Whether moving a token to {@code status} changes anything: another status, or a deactivation from above of a
     * token its owner had deactivated (it then holds until someone of that standing lifts it).
     */
    private static boolean changes(Caller caller, TokenRow row, TokenStatus status) {
        return row.status() != status || status == TokenStatus.INACTIVE && !row.deactivatedAbove()
                && !Visibility.isOwner(caller, row);
    }

    /** Moves a token the caller manages to {@code status}, under the rules of each move, and audits it. */
    private static void applyStatus(StoreTx tx, Caller caller, Instant now, Visibility.Managed managed,
            TokenStatus status, String action) {
        TokenRow row = managed.row();
        requireNotRetired(row, status == TokenStatus.ACTIVE ? "activated" : "changed");
        String reason = null;
        switch (status) {
            case ACTIVE -> {
                // a deactivation from above the owner holds until someone of that standing lifts it
                if (row.deactivatedAbove() && !managed.asAdmin()) {
                    throw TokenctlException.forbidden("token " + row.id() + " was deactivated by "
                            + row.deactivatedBy() + ", above its owner: only an admin of every org it reaches may"
                            + " activate it");
                }
                Minting.requireCanReissue(tx, caller, row, row.expiresAt());
                tx.activate(row.id(), now);
            }
            case INACTIVE -> {
                boolean above = !Visibility.isOwner(caller, row);
                tx.deactivate(row.id(), caller.auditName(), above, now);
                reason = above ? "deactivated above its owner: only an admin of every org it reaches may activate it"
                        : null;
            }
            default -> tx.setStatus(row.id(), status, "retired by " + caller.auditName(), now);
        }
        Audit.allowed(tx, caller, now, row.orgId(), action, row.id(), reason);
    }

    @Override
    public void delete(String id) {
        Ids.requireTokenId(id);
        ops.change("delete", id, (tx, caller, now) -> {
            TokenRow row = Visibility.manageable(tx, caller, id).row();
            tx.deleteToken(row.id());
            Audit.allowed(tx, caller, now, row.orgId(), "delete", row.id(), null);
            return null;
        });
    }

    @Override
    public CreatedToken regenerate(Regenerate request) {
        if (request.grace() != null && request.oldExpiresAt() != null) {
            throw TokenctlException.usage("grace and oldExpiresAt exclude each other; give one");
        }
        if (request.grace() != null && (request.grace().isZero() || request.grace().isNegative())) {
            throw TokenctlException.usage("grace: " + request.grace() + " is not a positive duration; leave it out"
                    + " to stop the old secret at once");
        }
        Ids.requireTokenId(request.id());
        return ops.change("regenerate", request.id(), (tx, caller, now) -> {
            TokenRow row = Visibility.manageable(tx, caller, request.id()).row();
            requireNotRetired(row, "regenerated");
            Minting.requireCanReissue(tx, caller, row, row.expiresAt());
            Instant oldEnd = now;
            if (request.grace() != null) {
                oldEnd = now.plus(request.grace());
            } else if (request.oldExpiresAt() != null) {
                if (!request.oldExpiresAt().isAfter(now)) {
                    throw TokenctlException.usage("oldExpiresAt: " + request.oldExpiresAt()
                            + " is in the past; use a future ISO-8601 time, or a grace period such as 24h");
                }
                oldEnd = request.oldExpiresAt();
            }
            tx.supersedeSecrets(row.id(), oldEnd);
            String secret = Minting.newSecret(tx, row, now, engine.random.get());
            tx.insertSecret(new SecretRow(Secrets.hash(secret), row.id(), null));
            if (request.revokeOnReuse()) {
                tx.setRevokeOnReuse(row.id(), true);
            }
            Audit.allowed(tx, caller, now, row.orgId(), "regenerate", row.id(),
                    oldEnd.equals(now) ? null : "old secret works until " + oldEnd);
            return new CreatedToken(Tokens.view(tx.findToken(row.id()).orElseThrow(), now), secret);
        });
    }

    @Override
    public CreatedToken cloneToken(CloneToken request) {
        String description = Limits.description(request.description());
        List<Permission> wanted = request.permissions() == null && !request.allAccess() ? null
                : Minting.permissionsOf(request.allAccess(),
                        request.permissions() == null ? List.of() : request.permissions());
        Ids.requireTokenId(request.id());
        return ops.change("clone", request.id(), (tx, caller, now) -> {
            TokenRow original = Visibility.manageable(tx, caller, request.id()).row();
            if (Tokens.hasExpired(original, now)) {
                throw TokenctlException.conflict("token " + original.id() + " expired at " + original.expiresAt()
                        + "; a clone would be born expired: create a new token with a new expiry");
            }
            if (wanted != null) {
                // a clone only narrows: what it asks for, its source must already hold
                Permission missing = Permissions.firstNotAllowed(original.permissions(), wanted);
                if (missing != null) {
                    throw TokenctlException.forbidden("a clone only narrows: token " + original.id() + " does not hold "
                            + missing + "; ask for some of its permissions, or create a new token");
                }
            }
            List<Permission> permissions = wanted != null ? wanted : original.permissions();
            String desc = description != null ? description
                    : wanted != null ? null : original.description();
            List<String> orgNames = new ArrayList<>();
            if (!original.allOrgs()) {
                for (String orgId : original.scopeOrgIds()) {
                    tx.findOrg(orgId).ifPresent(o -> orgNames.add(o.name()));
                }
                orgNames.remove(original.orgName());
                orgNames.add(0, original.orgName());
            }
            // the orgs whose admins cut them out of the original stay out of the clone
            Minting.Plan plan = Minting.plan(tx, caller, TokenKind.USER, Minting.owner(tx, caller, null), orgNames,
                    original.allOrgs(), original.excludedOrgIds(), permissions, desc, original.expiresAt(),
                    new Minting.Use(original.format(), original.appDefault(), original.allowIps()));
            Minting.Minted minted = Minting.mint(tx, caller, plan, original.expiresAtMost(), now, engine.random.get());
            Audit.allowed(tx, caller, now, plan.home().id(), "clone", minted.row().id(), "clone of " + original.id());
            return minted.created();
        });
    }

    @Override
    public Token promote(String id) {
        Ids.requireTokenId(id);
        return ops.change("promote", id, (tx, caller, now) -> {
            TokenRow row = Visibility.manageable(tx, caller, id).row();
            if (!caller.isAdmin(row.orgId())) {
                throw TokenctlException.forbidden("only admins of org " + row.orgName() + " promote tokens");
            }
            if (row.kind() == TokenKind.ACCOUNT) {
                throw TokenctlException.conflict("token " + row.id() + " is already an account token");
            }
            requireNotRetired(row, "promoted");
            // an account token acts as admin wherever it reaches: the caller must be admin, and hold it all, in each
            Minting.authorize(tx, caller, Minting.planOf(tx, row, TokenKind.ACCOUNT, null));
            if (row.allOrgs()) {
                // an account token's scope is a fixed list: the orgs it reaches now
                tx.setTokenOrgs(row.id(), Visibility.reach(tx, row));
            }
            tx.promote(row.id(), now);
            Audit.allowed(tx, caller, now, row.orgId(), "promote", row.id(), "was a user token of " + row.userName());
            return Tokens.view(tx.findToken(row.id()).orElseThrow(), now);
        });
    }

    @Override
    public Token revokeOrg(RevokeOrg request) {
        Ids.requireTokenId(request.id());
        Limits.name("org", request.org());
        return ops.change("revoke-org", request.id(), (tx, caller, now) -> {
            TokenRow row = Visibility.visible(tx, caller, request.id());
            OrgRow org = Directory.orgInScope(tx, caller, request.org());
            if (!caller.isAdmin(org.id()) || !Visibility.writesTokens(caller, org.id())) {
                throw TokenctlException.forbidden("only admins of org " + org.name() + " (with write:authorizations)"
                        + " cut it out of a token's reach");
            }
            requireNotRetired(row, "changed");
            List<String> reach = Visibility.reach(tx, row);
            if (!reach.contains(org.id())) {
                return Tokens.view(row, now); // already out of its reach
            }
            if (row.allOrgs()) {
                tx.excludeOrg(row.id(), org.id(), caller.auditName(), now);
            } else {
                tx.removeTokenOrg(row.id(), org.id());
            }
            String reason = "org " + org.name() + " cut out of its reach by an admin of " + org.name();
            Audit.allowed(tx, caller, now, org.id(), "revoke-org", row.id(), reason);
            String home = row.orgId();
            if (home.equals(org.id())) {
                // its home is gone from its reach: it lives on in the first org it still reaches
                List<String> left = new ArrayList<>(reach);
                left.remove(org.id());
                if (!left.isEmpty()) {
                    home = left.get(0);
                    tx.setHomeOrg(row.id(), home, now);
                }
            }
            if (!home.equals(org.id())) {
                Audit.allowed(tx, caller, now, home, "revoke-org", row.id(), reason);
            }
            return Tokens.view(tx.findToken(row.id()).orElseThrow(), now);
        });
    }

    // --- users, orgs, audit

    @Override
    public Member createUser(CreateUser request) {
        Limits.name("user name", request.name());
        Limits.nameOrNull("org", request.org());
        return ops.change("user create", "user:" + request.name(),
                (tx, caller, now) -> Directory.createUser(tx, caller, now, request, engine.random.get()));
    }

    @Override
    public List<Member> listUsers(ListUsers request) {
        Limits.nameOrNull("org", request.org());
        return ops.look("user list", null, (tx, caller, now) -> Directory.listUsers(tx, caller, request));
    }

    @Override
    public UserDeleted deleteUser(DeleteUser request) {
        Limits.name("user name", request.name());
        Limits.nameOrNull("org", request.org());
        return ops.change("user delete", "user:" + request.name(),
                (tx, caller, now) -> Directory.deleteUser(tx, caller, now, request));
    }

    @Override
    public Org createOrg(String name) {
        Limits.name("org name", name);
        return ops.change("org create", "org:" + name, (tx, caller, now) -> Directory.createOrg(tx, caller, now, name, engine.random.get()));
    }

    @Override
    public List<Org> listOrgs() {
        return ops.look("org list", null, (tx, caller, now) -> Directory.listOrgs(caller));
    }

    @Override
    public AuditPage audit(ListAudit request) {
        int limit = pageSize(request.limit(), ListAudit.DEFAULT_LIMIT);
        engine.flushQuietly(); // refused verifies counted here appear in the log read here
        return ops.look("audit list", null, (tx, caller, now) -> Directory.audit(tx, caller, request, limit));
    }

    // --- verification and leak response

    @Override
    public Verification verify(Verify request) {
        // millisecond time is plenty for expiry, and cheaper to read than the clock's nanoseconds
        return engine.verifier.verify(request, Instant.ofEpochMilli(engine.clock.millis()),
                id -> ops.callerMay((tx, caller) -> Visibility.maySee(tx, caller, id)));
    }

    @Override
    public io.tokenctl.api.Results.Me me() {
        return ops.look("me", null, (tx, caller, now) -> new io.tokenctl.api.Results.Me(caller.userId(),
                caller.auditName(), caller.tokenId(), caller.kind(), caller.homeOrgId(), caller.homeOrgName(),
                Directory.listOrgs(caller), caller.tokenPermissions(), caller.tokenExpiresAt()));
    }

    @Override
    public String actingTokenId() {
        return ops.actingTokenId();
    }

    @Override
    public List<AppUse> apps(String id) {
        Ids.requireTokenId(id);
        return ops.look("apps", id, (tx, caller, now) -> {
            TokenRow row = Visibility.visible(tx, caller, id);
            List<AppUse> out = new ArrayList<>();
            tx.apps(row.id()).forEach(a -> out.add(new AppUse(a.app(), a.state(), a.firstSeen(), a.lastSeen())));
            return out;
        });
    }

    @Override
    public AppUse setAppState(SetAppState request) {
        if (request.state() != AppState.ALLOW && request.state() != AppState.DENY) {
            throw TokenctlException.usage("state: an app is approved (allow) or denied (deny)");
        }
        String action = request.state() == AppState.ALLOW ? "approve-app" : "deny-app";
        Limits.appName("app", request.app());
        Ids.requireTokenId(request.id());
        return ops.change(action, request.id(), (tx, caller, now) -> {
            TokenRow row = Visibility.manageable(tx, caller, request.id()).row();
            if (request.state() == AppState.ALLOW) {
                Minting.requireCanReissue(tx, caller, row, row.expiresAt());
            }
            tx.setAppState(row.id(), request.app(), request.state(), now);
            Audit.allowed(tx, caller, now, row.orgId(), action, row.id(), "app " + request.app());
            var a = tx.findApp(row.id(), request.app()).orElseThrow();
            return new AppUse(a.app(), a.state(), a.firstSeen(), a.lastSeen());
        });
    }

    @Override
    public Token find(FindSecret request) {
        Presented p = leaked(request);
        return ops.change("find", null, (tx, caller, now) -> {
            TokenRow row = bySecret(tx, caller, p);
            Audit.allowed(tx, caller, now, row.orgId(), "find", row.id(), "looked up by secret");
            return Tokens.view(row, now);
        });
    }

    @Override
    public Token retireBySecret(FindSecret request) {
        Presented p = leaked(request);
        return ops.change("retire", null, (tx, caller, now) -> {
            TokenRow row = bySecret(tx, caller, p);
            row = Visibility.manageable(tx, caller, row.id()).row();
            if (row.status() != TokenStatus.RETIRED) {
                String reason = "retired by secret (leak response) by " + caller.auditName();
                tx.setStatus(row.id(), TokenStatus.RETIRED, reason, now);
                Audit.allowed(tx, caller, now, row.orgId(), "retire", row.id(), reason);
            }
            return Tokens.view(tx.findToken(row.id()).orElseThrow(), now);
        });
    }

    private static Presented leaked(FindSecret request) {
        Presented p = Presented.of(request.token());
        if (p.kind() == Presented.Kind.MALFORMED) {
            throw TokenctlException.usage("the text given does not hold a tokenctl token (tctl_ and 36 letters or digits"
                    + " with a valid checksum, or a tokenctl JWT)");
        }
        return p;
    }

    private static TokenRow bySecret(StoreTx tx, Caller caller, Presented p) {
        SecretRow secret = Snapshot.secretOf(tx, p);
        // one answer for a secret of no token and of a token the caller may not see: neither its id nor that it
        // lives is told
        TokenctlException none = TokenctlException.notFound("no token here has this secret (it may have been deleted,"
                + " or belong to an org you can't see)");
        if (secret == null) {
            throw none;
        }
        try {
            return Visibility.visible(tx, caller, secret.tokenId());
        } catch (TokenctlException e) {
            throw e.code() == io.tokenctl.api.ErrorCode.NOT_FOUND ? none : e;
        }
    }

    @Override
    public SigningKey rotateOrgKey(String org) {
        Limits.name("org", org);
        return ops.change("key rotate", "org:" + org, (tx, caller, now) -> {
            OrgRow o = Directory.orgInScope(tx, caller, org);
            requireOrgAdmin(caller, o);
            var key = OrgKeys.add(tx, o.id(), now, engine.random.get());
            Audit.allowed(tx, caller, now, o.id(), "key rotate", "org:" + org, "new signing key " + key.kid());
            return new SigningKey(key.kid(), o.id(), key.publicKey(), key.createdAt());
        });
    }

    @Override
    public void removeOrgKey(String org, String kid) {
        Limits.name("org", org);
        Ids.requireKeyId(kid);
        ops.change("key remove", "org:" + org, (tx, caller, now) -> {
            OrgRow o = Directory.orgInScope(tx, caller, org);
            requireOrgAdmin(caller, o);
            tx.findOrgKey(kid).filter(k -> k.orgId().equals(o.id()))
                    .orElseThrow(() -> TokenctlException.notFound("org " + org + " has no key " + kid));
            tx.deleteOrgKey(kid);
            Audit.allowed(tx, caller, now, o.id(), "key remove", "org:" + org, "removed signing key " + kid);
            return null;
        });
    }

    @Override
    public List<SigningKey> orgKeys(String org) {
        Limits.name("org", org);
        return ops.look("keys", "org:" + org, (tx, caller, now) -> {
            OrgRow o = Directory.orgInScope(tx, caller, org);
            List<SigningKey> out = new ArrayList<>();
            tx.orgKeys(o.id()).forEach(k -> out.add(new SigningKey(k.kid(), o.id(), k.publicKey(), k.createdAt())));
            return out;
        });
    }

    private static void requireOrgAdmin(Caller caller, OrgRow org) {
        if (!caller.isAdmin(org.id())) {
            throw TokenctlException.forbidden("only admins of org " + org.name() + " manage its signing keys");
        }
    }

    /** Offline JWT verification against a JWKS document: no store, so no revocation. */
    public static Verification verifyOffline(String token, byte[] jwks, Clock clock) {
        return Verifier.offline(token, jwks, clock.instant());
    }

    /** Closes the engine if this view is its only caller; a server's views leave it to the server. */
    @Override
    public void close() {
        if (ownsEngine) {
            engine.close();
        }
    }

    // --- small rules shared above

    /** A page's size: the default when none is asked for, else 1 to {@link ListTokens#MAX_LIMIT}. */
    private static int pageSize(Integer limit, int byDefault) {
        if (limit == null) {
            return byDefault;
        }
        if (limit < 1 || limit > ListTokens.MAX_LIMIT) {
            throw TokenctlException.usage("limit " + limit + " is not valid; use 1-" + ListTokens.MAX_LIMIT);
        }
        return limit;
    }

    static Instant futureExpiry(Expiry expiry, Instant now) {
        Instant at = expiry.resolve(now);
        if (at != null && !at.isAfter(now)) {
            throw TokenctlException.usage("expires: " + at + " is in the past; use a future ISO-8601 time,"
                    + " a duration such as 30d, or never");
        }
        return at;
    }

    private static void requireNotRetired(TokenRow row, String verb) {
        if (row.status() == TokenStatus.RETIRED) {
            throw TokenctlException.conflict("token " + row.id() + " is retired; retirement is final, it can't be "
                    + verb + " (clone it or create a new one)");
        }
    }

}
