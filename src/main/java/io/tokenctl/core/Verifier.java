package io.tokenctl.core;

import io.tokenctl.api.Cidr;
import io.tokenctl.api.Limits;
import io.tokenctl.api.AppState;
import io.tokenctl.api.ErrorCode;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Redact;
import io.tokenctl.api.Requests.Verify;
import io.tokenctl.api.Results.Verification;
import io.tokenctl.api.TokenStatus;
import io.tokenctl.api.TokenctlException;
import io.tokenctl.core.port.Rows.TokenRow;
import io.tokenctl.core.port.Changes;
import io.tokenctl.core.port.Storage;
import io.tokenctl.core.port.StoreTx;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * "Is this token good for this use?" One decision, in order: shape and checksum (offline), known hash, signing
 * key (JWT), superseded secret (a reuse after its window is a likely leak), status and expiry, owner still in
 * its orgs, client IP, app approval, required permission. Refusals of a known token are audited with its id,
 * never with the presented secret, and coalesced: they are counted in memory and written with the usage flush,
 * one row per token per kind of refusal per minute, so presenting a dead secret in a loop is not a write
 * transaction each time. Only a likely leak is written at once, the first time. Whoever presents a dead secret
 * learns only that it is not valid; the detail goes to the audit log and to callers who may see the token.
 */
final class Verifier {
    /** What an anonymous caller learns of a dead secret: no more than of one never issued. */
    static final String NOT_VALID = "unknown, expired or revoked token";
    private static final int MAX_LEAKS_REMEMBERED = 10_000;

    /**
     * What a verify decided: the answer with its full detail, the token it is about, how it was refused (null
     * when active), whether the secret itself is dead (its detail is hidden from anonymous callers), and what
     * deciding it for real must record at once: an app's first use, a likely leak.
     */
    private record Decision(Verification verification, TokenRow row, String refusal, String subject, boolean dead,
            boolean appFirstSeen, boolean leak) {
        static Decision active(Verification v, TokenRow row, boolean appFirstSeen) {
            return new Decision(v, row, null, null, false, appFirstSeen, false);
        }
    }

    /**
     * A loaded snapshot and, decided once by {@link #decide} itself, its answer to a plain use: no app, no org,
     * and no client address unless the token ignores addresses. That answer stands until the token expires or
     * its secret's window closes, whichever comes first; {@code plain} is null when a plain use is refused.
     * It spares the common verify the whole decision, its allocations and its pointer chasing.
     */
    record Loaded(Snapshot snapshot, Verification plain, Instant plainUntil) {
        private static final Verify PLAIN = new Verify("", null, null, List.of(), null);

        static Loaded of(Snapshot s, Instant now) {
            if (s.row() == null) {
                return new Loaded(s, null, null);
            }
            Verification v = decide(s, PLAIN, null, now).verification();
            if (!v.active()) {
                return new Loaded(s, null, null);
            }
            Instant expires = s.row().expiresAt();
            Instant closes = s.secret().notAfter();
            Instant until = expires == null ? closes : closes == null || expires.isBefore(closes) ? expires : closes;
            return new Loaded(s, v, until);
        }

        /** The plain answer when {@code req} is a plain use at {@code now} that it covers, else null. */
        Verification plainAnswer(Verify req, Instant now) {
            if (plain == null || req.app() != null || req.org() != null
                    || req.ip() != null && !snapshot.row().allowIps().isEmpty()
                    || plainUntil != null && !now.isBefore(plainUntil) || now.isBefore(snapshot.loadedAt())) {
                return null;
            }
            // the same check decide makes: the answer carries the permissions held in the home org
            return Permissions.firstNotAllowed(plain.permissions(), req.require()) == null ? plain : null;
        }
    }

    /** Who a presented token is; {@code refusal} is null when it may be used, {@code leak} marks a reused old secret. */
    record Identified(TokenRow row, String refusal, boolean leak) {
    }

    private final Supplier<Storage> store;
    private final UsageLog usage;
    private final Consumer<String> notes;
    private final VerifyCache cache = new VerifyCache();
    /** Secrets whose likely leak this verifier already wrote to the audit log; later ones are coalesced. */
    private final Set<Presented.Key> leaksAudited = ConcurrentHashMap.newKeySet();
    /** How the store says what it holds changed (see {@link VerifyCache}); none until a store is opened. */
    private volatile Changes changes = NEVER_CHANGES;
    private static final Changes NEVER_CHANGES = new Changes() {
        @Override
        public long version() {
            return 0;
        }

        @Override
        public boolean free() {
            return true;
        }
    };

    Verifier(Supplier<Storage> store, UsageLog usage) {
        this(store, usage, line -> { });
    }

    /** {@code notes} hears, in one line, what a verify could not record (a read-only store): the answer stands. */
    Verifier(Supplier<Storage> store, UsageLog usage, Consumer<String> notes) {
        this.store = store;
        this.usage = usage;
        this.notes = notes;
    }

    /** A verify by an anonymous caller, who learns no detail of a dead secret. */
    Verification verify(Verify req, Instant now) {
        return verify(req, now, id -> false);
    }

    /**
     * Decides {@code req}. {@code detailFor} says whether the caller may see the token with the given id: if not,
     * a dead secret is answered as {@link #NOT_VALID}, like one never issued.
     */
    Verification verify(Verify req, Instant now, Predicate<String> detailFor) {
        if (req.app() != null) {
            Limits.appName("app", req.app());
        }
        Limits.nameOrNull("org", req.org());
        byte[] ip = req.ip() == null ? null : Cidr.address("ip", req.ip());
        Presented p = Presented.of(req.token());
        if (p.kind() == Presented.Kind.MALFORMED) {
            return Verification.refused(ErrorCode.UNAUTHENTICATED,
                    "not a tokenctl token (bad format or checksum)", null);
        }
        Presented.Key key = p.key();
        Storage storage = store.get();
        Loaded loaded = cache.get(key, now, changes);
        if (loaded == null) {
            VerifyCache.Ticket ticket = cache.ticket();
            loaded = Loaded.of(storage.read(tx -> Snapshot.load(tx, p, now)), now);
            cache.put(ticket, key, loaded);
        }
        Verification plain = loaded.plainAnswer(req, now);
        if (plain != null) {
            usage.record(plain.id(), now, req.ip(), req.app());
            return plain;
        }
        Decision d = decide(loaded.snapshot(), req, ip, now);
        boolean leakWritten = false;
        boolean leakFirst = d.leak() && mustWriteLeak(d.row(), key);
        if (d.appFirstSeen() || leakFirst) {
            try {
                d = store.get().write(tx -> {
                    Decision again = decide(Snapshot.load(tx, p, now), req, ip, now);
                    record(tx, again, leakFirst, req, now);
                    return again;
                });
                leakWritten = leakFirst && d.leak();
            } catch (TokenctlException e) {
                if (e.code() != ErrorCode.FAILURE) {
                    throw e;
                }
                // the answer stands on what was read; what it would have recorded is lost, and said so
                if (d.leak()) {
                    leaksAudited.remove(key);
                }
                notes.accept((d.leak() ? "the likely leak of token " + d.row().id() + " was not audited"
                        : "the first use of token " + d.row().id() + " by app " + req.app() + " was not recorded")
                        + ": " + e.getMessage());
            } finally {
                cache.clear();
            }
        }
        if (d.row() == null) {
            return d.verification();
        }
        if (d.verification().active()) {
            usage.record(d.row().id(), now, req.ip(), req.app());
            return d.verification();
        }
        if (!leakWritten) {
            usage.refused(d.row().id(), "verify", d.refusal(), d.subject(), d.row().orgId(), actor(req),
                    d.verification().reason(), now);
        }
        return d.dead() && !detailFor.test(d.row().id())
                ? Verification.refused(ErrorCode.UNAUTHENTICATED, NOT_VALID, null) : d.verification();
    }

    /**
     * Whether a likely leak must be written at once: the first time this secret is presented late, and every time
     * while the token is marked revoke-on-reuse and not yet retired (the write retires it).
     */
    private boolean mustWriteLeak(TokenRow row, Presented.Key secret) {
        if (leaksAudited.size() >= MAX_LEAKS_REMEMBERED) {
            leaksAudited.clear();
        }
        boolean first = leaksAudited.add(secret);
        return first || row.revokeOnReuse() && row.status() != TokenStatus.RETIRED;
    }

    /**
     * An operator presented a secret that didn't authenticate. A superseded one after its window is the same
     * likely leak as in a verify: audited at once the first time (retiring the token under revoke-on-reuse),
     * then counted with the usage flush like other refusals.
     */
    void operatorRefused(Presented p, Instant now) {
        Identified who = store.get().read(tx -> identify(Snapshot.loadForOperator(tx, p, now), now));
        if (!who.leak()) {
            return;
        }
        TokenRow row = who.row();
        if (mustWriteLeak(row, p.key())) {
            try {
                store.get().write(tx -> {
                    Identified again = identify(Snapshot.loadForOperator(tx, p, now), now);
                    if (again.leak()) {
                        Audit.unattributed(tx, now, "operator", row.orgId(), "authenticate", row.id(), Audit.DENIED,
                                again.refusal());
                        retireIfRevokeOnReuse(tx, again.row(), "operator", now);
                    }
                    return null;
                });
                cache.clear();
                return;
            } catch (TokenctlException e) {
                leaksAudited.remove(p.key());
                notes.accept("the likely leak of token " + row.id() + " was not audited: " + e.getMessage());
            }
        }
        usage.refused(row.id(), "authenticate", "superseded", "", row.orgId(), "operator", who.refusal(), now);
    }

    /** Writes at once what a decision must record: an app's first use, and the first likely leak (retiring the
     * token under revoke-on-reuse). */
    private static void record(StoreTx tx, Decision d, boolean leakFirst, Verify req, Instant now) {
        TokenRow row = d.row();
        if (row == null) {
            return;
        }
        if (d.appFirstSeen()) {
            tx.insertAppIfAbsent(row.id(), req.app(), row.appDefault(), now);
            audit(tx, row, req, now, "app seen", Audit.ALLOWED, "first use by app " + req.app() + ": "
                    + row.appDefault().wire());
        }
        if (d.leak() && leakFirst) {
            audit(tx, row, req, now, "verify", Audit.DENIED, d.verification().reason());
            retireIfRevokeOnReuse(tx, row, actor(req), now);
        }
    }

    /** The verify cache's counts: hits, misses, evictions, drops. */
    long[] cacheCounts() {
        return new long[] {cache.hits.sum(), cache.misses.sum(), cache.evictions.sum(), cache.drops.sum()};
    }

    /** Follows the changes of a newly opened store, dropping what was cached from another. */
    void watch(Changes storeChanges) {
        storeChanges.onTokenChanged(cache::evict);
        changes = storeChanges;
        cache.clear();
    }

    void invalidate() {
        cache.clear();
    }

    /** Whether the token a snapshot holds may be used now, and if not, why. */
    static Identified identify(Snapshot s, Instant now) {
        TokenRow row = s.row();
        if (row == null) {
            return new Identified(null, "unknown token", false);
        }
        if (s.jwtProblem() != null) {
            return new Identified(row, s.jwtProblem(), false);
        }
        if (s.secret().notAfter() != null && !now.isBefore(s.secret().notAfter())) {
            return new Identified(row, "a superseded secret of token " + row.id() + " was presented after its"
                    + " window closed at " + s.secret().notAfter() + ": likely leaked", true);
        }
        TokenStatus status = Tokens.effectiveStatus(row, now);
        if (status != TokenStatus.ACTIVE) {
            return new Identified(row, "token " + row.id() + " is " + status.wire(), false);
        }
        return new Identified(row, null, false);
    }

    /**
     * Decides on a snapshot, writing nothing: an app never seen is judged by the token's default state, and
     * {@code appFirstSeen} asks the caller to record it.
     */
    private static Decision decide(Snapshot snap, Verify req, byte[] ip, Instant now) {
        Identified who = identify(snap, now);
        TokenRow row = who.row();
        if (row == null) {
            return new Decision(Verification.refused(ErrorCode.UNAUTHENTICATED, NOT_VALID, null), null, "unknown", "",
                    true, false, false);
        }
        if (who.refusal() != null) {
            String kind = who.leak() ? "superseded" : snap.jwtProblem() != null ? "jwt"
                    : Tokens.effectiveStatus(row, now).wire();
            return new Decision(refusal(row, ErrorCode.UNAUTHENTICATED, who.refusal()), row, kind, "", true, false,
                    who.leak());
        }
        if (snap.scope().isEmpty()) {
            return new Decision(refusal(row, ErrorCode.UNAUTHENTICATED,
                    "token " + row.id() + " works in no org: its owner belongs to none of its orgs any more"), row,
                    "no org", "", true, false, false);
        }
        if (!row.allowIps().isEmpty()) {
            if (ip == null) {
                return refuse(row, ErrorCode.FORBIDDEN, "no ip", "", "token " + row.id() + " is limited to client"
                        + " addresses " + String.join(", ", row.allowIps()) + "; give the client's ip address");
            }
            boolean allowed = snap.networks().stream().anyMatch(n -> n.contains(ip));
            if (!allowed) {
                return refuse(row, ErrorCode.FORBIDDEN, "ip", req.ip(), "client address " + req.ip()
                        + " is not in the allowed networks of token " + row.id());
            }
        }
        boolean appFirstSeen = false;
        if (req.app() != null) {
            AppState state = snap.apps().get(req.app());
            if (state == null) {
                appFirstSeen = true;
                state = row.appDefault();
            }
            if (state == AppState.PENDING) {
                return withApp(refuse(row, ErrorCode.UNAUTHENTICATED, "app pending", req.app(), "app " + req.app()
                        + " is pending approval for token " + row.id() + " (its owner or an admin approves it)"),
                        appFirstSeen);
            }
            if (state == AppState.DENY) {
                return withApp(refuse(row, ErrorCode.FORBIDDEN, "app denied", req.app(), "app " + req.app()
                        + " is denied for token " + row.id()), appFirstSeen);
            }
        } else if (row.appDefault() != AppState.ALLOW) {
            return refuse(row, ErrorCode.UNAUTHENTICATED, "no app", "", "token " + row.id()
                    + " needs an app name: new apps start " + row.appDefault().wire());
        }
        // permissions are judged in one org: a role in another org must not lend this use its rights
        String org = snap.useOrg(req.org());
        if (org == null) {
            return withApp(refuse(row, ErrorCode.FORBIDDEN, "org", req.org(), "token " + row.id()
                    + " does not reach org " + req.org()), appFirstSeen);
        }
        List<Permission> held = snap.effectiveByOrg().get(org);
        Permission missing = Permissions.firstNotAllowed(held, req.require());
        if (missing != null) {
            return withApp(refuse(row, ErrorCode.FORBIDDEN, "scope", missing + " " + org, "token " + row.id()
                    + " lacks " + missing + " in org " + snap.scope().get(org).orgName()), appFirstSeen);
        }
        Verification ok = new Verification(true, null, null, row.id(), row.kind(), row.userId(), snap.orgIds(),
                held, row.expiresAt(), row.createdAt(), req.app());
        return Decision.active(ok, row, appFirstSeen);
    }

    /** A refusal of a live secret: the use is not allowed, and the presenter, who holds it, may know why. */
    private static Decision refuse(TokenRow row, ErrorCode code, String kind, String subject, String why) {
        return new Decision(refusal(row, code, why), row, kind, subject, false, false, false);
    }

    private static Decision withApp(Decision d, boolean appFirstSeen) {
        return new Decision(d.verification(), d.row(), d.refusal(), d.subject(), d.dead(), appFirstSeen, d.leak());
    }

    private static Verification refusal(TokenRow row, ErrorCode code, String why) {
        // the answer, like the audit, never quotes a secret (verify refuses one as app or org; this covers the rest)
        return Verification.refused(code, Redact.secrets(why), row.id());
    }

    private static String actor(Verify req) {
        return "verifier" + (req.app() == null ? "" : " app:" + req.app());
    }

    private static void audit(StoreTx tx, TokenRow row, Verify req, Instant now, String action, String outcome,
            String reason) {
        Audit.unattributed(tx, now, actor(req), row.orgId(), action, row.id(), outcome, reason);
    }

    /** GitLab's rotation rule: a superseded secret used after its window retires the token it belonged to. */
    static void retireIfRevokeOnReuse(StoreTx tx, TokenRow row, String actor, Instant now) {
        if (row.revokeOnReuse() && row.status() != TokenStatus.RETIRED) {
            String reason = "superseded secret reused after its window: likely leak";
            tx.setStatus(row.id(), TokenStatus.RETIRED, reason, now);
            Audit.unattributed(tx, now, actor, row.orgId(), "retire", row.id(), Audit.ALLOWED, reason);
        }
    }

    /** Offline: signature and expiry against a JWKS file, no store. It can't see revocation, by design. */
    static Verification offline(String token, byte[] jwks, Instant now) {
        Presented p = Presented.of(token);
        if (p.kind() != Presented.Kind.JWT) {
            return Verification.refused(ErrorCode.UNAUTHENTICATED, "offline verify needs a JWT token", null);
        }
        Map<String, String> keys;
        try {
            keys = Jwt.readJwks(jwks);
        } catch (IOException e) {
            throw TokenctlException.usage("jwks: not a JWKS document (" + e.getMessage().lines().findFirst().orElse("")
                    + ")");
        }
        Jwt.Claims c = Jwt.peek(p.text());
        if (c == null) {
            return Verification.refused(ErrorCode.UNAUTHENTICATED, "not a readable tokenctl JWT", null);
        }
        String key = keys.get(c.kid());
        if (key == null) {
            return Verification.refused(ErrorCode.UNAUTHENTICATED, "no key " + c.kid() + " in the JWKS", c.jti());
        }
        if (!Jwt.signatureValid(p.text(), key)) {
            return Verification.refused(ErrorCode.UNAUTHENTICATED, "bad signature", c.jti());
        }
        if (c.exp() != null && !now.isBefore(c.exp())) {
            return Verification.refused(ErrorCode.UNAUTHENTICATED, "expired at " + c.exp(), c.jti());
        }
        return new Verification(true, null, null, c.jti(), null, c.sub(), c.org() == null ? List.of() : List.of(c.org()),
                List.of(), c.exp(), c.iat(), null);
    }
}
