package io.tokenctl.core;

import io.tokenctl.api.Action;
import io.tokenctl.api.CreatedToken;
import io.tokenctl.api.ErrorCode;
import io.tokenctl.api.Expiry;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Requests.CloneToken;
import io.tokenctl.api.Requests.CreateToken;
import io.tokenctl.api.Requests.ListTokens;
import io.tokenctl.api.Requests.Regenerate;
import io.tokenctl.api.Requests.Setup;
import io.tokenctl.api.Requests.UpdateToken;
import io.tokenctl.api.ResourceType;
import io.tokenctl.api.Results.SetupResult;
import io.tokenctl.api.Results.TokenPage;
import io.tokenctl.api.Token;
import io.tokenctl.api.TokenKind;
import io.tokenctl.api.TokenService;
import io.tokenctl.api.TokenStatus;
import io.tokenctl.api.TokenctlException;
import io.tokenctl.store.Rows.AuditRow;
import io.tokenctl.store.Rows.OrgRow;
import io.tokenctl.store.Rows.SecretRow;
import io.tokenctl.store.Rows.TokenFilter;
import io.tokenctl.store.Rows.TokenRow;
import io.tokenctl.store.Rows.UserRow;
import io.tokenctl.store.Store;
import io.tokenctl.store.StoreTx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The API over a local SQLite store: every rule of tokenctl, applied once, here. Calls act as the operator
 * token given at construction; the store is opened on first use.
 */
public final class LocalTokenService implements TokenService {
    private final Path storeFile;
    private final String operatorSecret;
    private final Clock clock;
    private final SecureRandom random;
    private Store store;

    public LocalTokenService(Path storeFile, String operatorSecret, Clock clock, SecureRandom random) {
        this.storeFile = storeFile;
        this.operatorSecret = operatorSecret;
        this.clock = clock;
        this.random = random;
    }

    private Store store() {
        if (store == null) {
            store = Store.openSqlite(storeFile, false);
        }
        return store;
    }

    // --- setup

    @Override
    public SetupResult setup(Setup request) {
        String username = Limits.name("--username", request.username());
        String orgName = Limits.name("--org", request.org());
        boolean existed = Files.exists(storeFile);
        store = Store.openSqlite(storeFile, true);
        Instant now = clock.instant();
        return store.write(tx -> {
            if (tx.countOrgs() > 0) {
                throw TokenctlException.conflict("store " + store.file() + " is already set up; setup runs once per"
                        + " store and left it untouched (use `tokenctl auth create` with the operator token)");
            }
            if (existed && !request.force()) {
                throw TokenctlException.conflict("store " + store.file() + " already exists (with no org in it);"
                        + " pass --force to set it up");
            }
            OrgRow org = new OrgRow(Ids.next(now, random), orgName, now);
            UserRow user = new UserRow(Ids.next(now, random), username, now);
            tx.insertOrg(org);
            tx.insertUser(user);
            tx.insertMembership(user.id(), org.id(), Role.ADMIN.wire());
            String description = username + "'s operator token";
            TokenRow row = new TokenRow(newTokenId(tx, now), TokenKind.USER, user.id(), user.name(), org.id(),
                    org.name(), description, TokenStatus.ACTIVE, Permissions.allAccess(), null, now, now, null, null);
            String secret = insertToken(tx, row);
            tx.insertAudit(new AuditRow(now, row.id(), username, org.id(), "setup", "org:" + orgName, "allowed", null));
            CreatedToken created = new CreatedToken(Tokens.view(withHash(row, secret), now), secret);
            return new SetupResult(org.id(), org.name(), user.id(), user.name(), created);
        });
    }

    // --- tokens

    @Override
    public CreatedToken create(CreateToken request) {
        String description = Limits.description(request.description());
        List<Permission> permissions = permissionsOf(request.allAccess(), request.permissions());
        return change("create", null, (tx, caller, now) -> {
            requireAuthorizations(caller, Action.WRITE, "create tokens");
            Instant expiresAt = futureExpiry(request.expires(), now);
            if (request.org() != null && !request.org().equals(caller.orgName())) {
                throw TokenctlException.forbidden("the operator token acts in org " + caller.orgName()
                        + ", not \"" + request.org() + "\"");
            }
            TokenKind kind = request.account() ? TokenKind.ACCOUNT : TokenKind.USER;
            if (kind == TokenKind.ACCOUNT && caller.role() != Role.ADMIN) {
                throw TokenctlException.forbidden("only org admins create account tokens");
            }
            UserRow owner = kind == TokenKind.ACCOUNT ? null : ownerFor(tx, caller, request.user());
            Permission tooHigh = Permissions.firstNotAllowed(caller.permissions(), permissions);
            if (tooHigh != null) {
                throw TokenctlException.forbidden("cannot grant " + tooHigh + ": the operator token does not hold it");
            }
            String desc = description != null ? description : Permissions.describe(permissions);
            TokenRow row = new TokenRow(newTokenId(tx, now), kind, owner == null ? null : owner.id(),
                    owner == null ? null : owner.name(), caller.orgId(), caller.orgName(), desc, TokenStatus.ACTIVE,
                    permissions, expiresAt, now, now, caller.tokenId(), null);
            String secret = insertToken(tx, row);
            audit(tx, caller, now, "create", row.id(), null);
            return new CreatedToken(Tokens.view(withHash(row, secret), now), secret);
        });
    }

    @Override
    public TokenPage list(ListTokens request) {
        int limit = request.limit() <= 0 ? ListTokens.DEFAULT_LIMIT : request.limit();
        if (limit > ListTokens.MAX_LIMIT) {
            throw TokenctlException.usage("--limit " + limit + " is too large; use 1-" + ListTokens.MAX_LIMIT);
        }
        return look((tx, caller, now) -> {
            requireAuthorizations(caller, Action.READ, "list tokens");
            String userId = null;
            if (request.user() != null) {
                userId = tx.findUserByName(request.user()).map(UserRow::id)
                        .orElseThrow(() -> TokenctlException.notFound("no user named \"" + request.user() + "\""));
            }
            if (request.org() != null && !request.org().equals(caller.orgName())) {
                throw TokenctlException.notFound("no org named \"" + request.org() + "\" for this operator token");
            }
            List<TokenRow> rows = tx.listTokens(new TokenFilter(List.of(caller.orgId()), userId, request.status(), now,
                    request.after(), limit + 1));
            List<Token> out = new ArrayList<>(Math.min(rows.size(), limit));
            for (int i = 0; i < rows.size() && i < limit; i++) {
                out.add(Tokens.view(rows.get(i), now));
            }
            String next = rows.size() > limit ? out.get(limit - 1).id() : null;
            return new TokenPage(out, next);
        });
    }

    @Override
    public Token show(String id) {
        return look((tx, caller, now) -> {
            requireAuthorizations(caller, Action.READ, "show tokens");
            return Tokens.view(visibleToken(tx, caller, id), now);
        });
    }

    @Override
    public Token update(UpdateToken request) {
        String description = Limits.description(request.description());
        return change("update", request.id(), (tx, caller, now) -> {
            TokenRow row = manageableToken(tx, caller, request.id(), "update");
            requireNotRetired(row, "updated");
            Instant expiresAt = request.expires() == null ? row.expiresAt() : futureExpiry(request.expires(), now);
            String desc = description == null ? row.description() : description;
            tx.updateToken(row.id(), desc, expiresAt, now);
            audit(tx, caller, now, "update", row.id(), null);
            return Tokens.view(tx.findToken(row.id()).orElseThrow(), now);
        });
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
        return change(action, id, (tx, caller, now) -> {
            TokenRow row = manageableToken(tx, caller, id, action);
            if (row.status() == status) {
                return Tokens.view(row, now);
            }
            requireNotRetired(row, status == TokenStatus.ACTIVE ? "activated" : "changed");
            tx.setStatus(row.id(), status, now);
            audit(tx, caller, now, action, row.id(), null);
            return Tokens.view(tx.findToken(row.id()).orElseThrow(), now);
        });
    }

    @Override
    public void delete(String id) {
        change("delete", id, (tx, caller, now) -> {
            TokenRow row = manageableToken(tx, caller, id, "delete");
            tx.deleteToken(row.id());
            audit(tx, caller, now, "delete", row.id(), null);
            return null;
        });
    }

    @Override
    public CreatedToken regenerate(Regenerate request) {
        if (request.grace() != null && request.oldExpiresAt() != null) {
            throw TokenctlException.usage("--grace and --old-expires exclude each other; give one");
        }
        return change("regenerate", request.id(), (tx, caller, now) -> {
            TokenRow row = manageableToken(tx, caller, request.id(), "regenerate");
            requireNotRetired(row, "regenerated");
            Instant oldEnd = now;
            if (request.grace() != null) {
                oldEnd = now.plus(request.grace());
            } else if (request.oldExpiresAt() != null) {
                if (!request.oldExpiresAt().isAfter(now)) {
                    throw TokenctlException.usage("--old-expires: " + request.oldExpiresAt()
                            + " is in the past; use a future ISO-8601 time, or --grace 24h");
                }
                oldEnd = request.oldExpiresAt();
            }
            tx.pruneSecrets(row.id(), now);
            tx.supersedeSecrets(row.id(), oldEnd);
            String secret = Secrets.generate(random);
            tx.insertSecret(new SecretRow(Secrets.hash(secret), row.id(), null));
            audit(tx, caller, now, "regenerate", row.id(), oldEnd.equals(now) ? null : "old secret works until " + oldEnd);
            return new CreatedToken(Tokens.view(tx.findToken(row.id()).orElseThrow(), now), secret);
        });
    }

    @Override
    public CreatedToken cloneToken(CloneToken request) {
        String description = Limits.description(request.description());
        List<Permission> wanted = request.permissions() == null && !request.allAccess() ? null
                : permissionsOf(request.allAccess(), request.permissions() == null ? List.of() : request.permissions());
        return change("clone", request.id(), (tx, caller, now) -> {
            requireAuthorizations(caller, Action.WRITE, "clone tokens");
            TokenRow original = visibleToken(tx, caller, request.id());
            List<Permission> permissions = wanted != null ? wanted : original.permissions();
            Permission tooHigh = Permissions.firstNotAllowed(caller.permissions(), permissions);
            if (tooHigh != null) {
                throw TokenctlException.forbidden("cannot clone " + original.id() + " with " + tooHigh
                        + ": the operator token does not hold it");
            }
            Instant expiresAt = original.expiresAt();
            if (expiresAt != null && !expiresAt.isAfter(now)) {
                throw TokenctlException.conflict("token " + original.id() + " expired at " + expiresAt
                        + "; a clone would be born expired: create a new token with --expires");
            }
            String desc = description != null ? description
                    : wanted != null ? Permissions.describe(permissions) : original.description();
            UserRow owner = ownerFor(tx, caller, null);
            TokenRow row = new TokenRow(newTokenId(tx, now), TokenKind.USER, owner.id(), owner.name(), caller.orgId(),
                    caller.orgName(), desc, TokenStatus.ACTIVE, permissions, expiresAt, now, now, caller.tokenId(), null);
            String secret = insertToken(tx, row);
            audit(tx, caller, now, "clone", row.id(), "clone of " + original.id());
            return new CreatedToken(Tokens.view(withHash(row, secret), now), secret);
        });
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    // --- rules shared by the operations above

    private static List<Permission> permissionsOf(boolean allAccess, List<Permission> permissions) {
        if (allAccess) {
            if (!permissions.isEmpty()) {
                throw TokenctlException.usage("--all-access can't be combined with other permission flags"
                        + " (got " + permissions.get(0) + "); give one or the other");
            }
            return Permissions.allAccess();
        }
        return Permissions.requireSome(permissions);
    }

    private static Instant futureExpiry(Expiry expiry, Instant now) {
        Instant at = expiry.resolve(now);
        if (at != null && !at.isAfter(now)) {
            throw TokenctlException.usage("--expires: " + at + " is in the past; use a future ISO-8601 time,"
                    + " a duration such as 30d, or never");
        }
        return at;
    }

    private static void requireAuthorizations(Caller caller, Action action, String what) {
        if (!Permissions.allows(caller.permissions(), Permission.all(action, ResourceType.AUTHORIZATIONS))) {
            throw TokenctlException.forbidden("the operator token can't " + what + ": it needs " + action.wire()
                    + ":authorizations");
        }
    }

    private static void requireNotRetired(TokenRow row, String verb) {
        if (row.status() == TokenStatus.RETIRED) {
            throw TokenctlException.conflict("token " + row.id() + " is retired; retirement is final, it can't be "
                    + verb + " (clone it or create a new one)");
        }
    }

    /** A token the caller may see; one it may not see is "not found", so ids don't leak. */
    private static TokenRow visibleToken(StoreTx tx, Caller caller, String id) {
        return tx.findToken(id)
                .filter(t -> t.orgId().equals(caller.orgId()))
                .orElseThrow(() -> TokenctlException.notFound("no token with id \"" + id + "\""));
    }

    private static TokenRow manageableToken(StoreTx tx, Caller caller, String id, String action) {
        requireAuthorizations(caller, Action.WRITE, action + " tokens");
        return visibleToken(tx, caller, id);
    }

    private static UserRow ownerFor(StoreTx tx, Caller caller, String username) {
        if (username == null || username.equals(caller.userName())) {
            if (caller.userId() == null) {
                throw TokenctlException.usage("an account token owns no user tokens; pass --user NAME");
            }
            return new UserRow(caller.userId(), caller.userName(), null);
        }
        UserRow user = tx.findUserByName(username)
                .orElseThrow(() -> TokenctlException.notFound("no user named \"" + username + "\""));
        boolean member = tx.memberships(user.id()).stream().anyMatch(m -> m.orgId().equals(caller.orgId()));
        if (!member) {
            throw TokenctlException.notFound("no user named \"" + username + "\" in org " + caller.orgName());
        }
        if (caller.role() != Role.ADMIN) {
            throw TokenctlException.forbidden("only org admins create tokens for other users");
        }
        return user;
    }

    private String newTokenId(StoreTx tx, Instant now) {
        for (int i = 0; i < 5; i++) {
            String id = Ids.next(now, random);
            if (!tx.tokenIdExists(id)) {
                return id;
            }
        }
        throw TokenctlException.failure("could not find a free token id; try again", null);
    }

    private String insertToken(StoreTx tx, TokenRow row) {
        String secret = Secrets.generate(random);
        tx.insertToken(row);
        tx.insertSecret(new SecretRow(Secrets.hash(secret), row.id(), null));
        return secret;
    }

    private static TokenRow withHash(TokenRow r, String secret) {
        return new TokenRow(r.id(), r.kind(), r.userId(), r.userName(), r.orgId(), r.orgName(), r.description(),
                r.status(), r.permissions(), r.expiresAt(), r.createdAt(), r.updatedAt(), r.createdBy(),
                Secrets.hash(secret));
    }

    private static void audit(StoreTx tx, Caller caller, Instant now, String action, String target, String reason) {
        tx.insertAudit(new AuditRow(now, caller.tokenId(), caller.auditName(), caller.orgId(), action, target,
                "allowed", reason));
    }

    // --- running an operation as the operator

    @FunctionalInterface
    private interface Operation<T> {
        T run(StoreTx tx, Caller caller, Instant now);
    }

    /** A read: authenticate, then look. */
    private <T> T look(Operation<T> op) {
        String hash = Authenticator.hashOf(operatorSecret);
        Instant now = clock.instant();
        return store().read(tx -> op.run(tx, Authenticator.authenticate(tx, hash, now), now));
    }

    /**
     * A change: authenticate and act in one write transaction. A refusal rolls the change back and is then
     * recorded in the audit log in a transaction of its own.
     */
    private <T> T change(String action, String target, Operation<T> op) {
        String hash = Authenticator.hashOf(operatorSecret);
        Instant now = clock.instant();
        Caller[] acting = new Caller[1];
        try {
            return store().write(tx -> {
                acting[0] = Authenticator.authenticate(tx, hash, now);
                return op.run(tx, acting[0], now);
            });
        } catch (TokenctlException e) {
            if (e.code() == ErrorCode.FORBIDDEN && acting[0] != null) {
                Caller caller = acting[0];
                store().write(tx -> {
                    tx.insertAudit(new AuditRow(now, caller.tokenId(), caller.auditName(), caller.orgId(), action,
                            target, "denied", e.getMessage()));
                    return null;
                });
            }
            throw e;
        }
    }
}
