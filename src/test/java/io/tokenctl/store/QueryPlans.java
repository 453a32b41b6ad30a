package io.tokenctl.store;

import io.tokenctl.core.port.Rows.TokenFilter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query plans of the statements on the hot paths, for bench/run.sh ({@code QueryPlans STORE ORG USER ID}) and
 * {@link QueryPlansTest}. A plan that scans {@code tokens} or sorts in a temp b-tree grows with the store.
 */
public final class QueryPlans {
    private QueryPlans() {
    }

    static Map<String, List<String>> of(JdbiTx tx, String orgId, String userId, String tokenId) {
        Instant now = Instant.now();
        Map<String, List<String>> plans = new LinkedHashMap<>();
        plans.put("auth show ID", tx.queryPlan(TokenSql.findTokenSql(Dialect.SQLITE, tokenId)));
        List<String> org = List.of(orgId);
        plans.put("admin: auth list --user U --limit 50",
                tx.queryPlan(TokenSql.listSql(Dialect.SQLITE, new TokenFilter(org, null, List.of(), userId, null, null, null, now, null, 51))));
        plans.put("admin: auth list --user U --status active",
                tx.queryPlan(TokenSql.listSql(Dialect.SQLITE, new TokenFilter(org, null, List.of(), userId, null,
                        io.tokenctl.api.TokenStatus.ACTIVE, null, now, null, 51))));
        plans.put("normal user: own tokens",
                tx.queryPlan(TokenSql.listSql(Dialect.SQLITE, new TokenFilter(List.of(), userId, org, null, null, null, null, now, null, 51))));
        plans.put("admin: auth list (page after ID)",
                tx.queryPlan(TokenSql.listSql(Dialect.SQLITE, new TokenFilter(org, userId, List.of(), null, null, null, null, now, tokenId, 101))));
        plans.put("operator secret lookup", tx.queryPlan(new Sql(
                "SELECT hash, token_id, not_after FROM token_secrets WHERE hash = ?", List.of("00"))));
        return plans;
    }

    /** True when a plan reads {@code tokens} through an index and needs no sort of its own. */
    static boolean indexDriven(List<String> plan) {
        return plan.stream().noneMatch(step -> step.startsWith("SCAN") || step.contains("TEMP B-TREE"));
    }

    public static void main(String[] args) {
        try (SqliteStore store = SqliteStore.open(Path.of(args[0]), false)) {
            store.read(tx -> {
                String org = tx.findOrgByName(args[1]).orElseThrow().id();
                String user = tx.findUserByName(args[2]).orElseThrow().id();
                of((JdbiTx) tx, org, user, args[3]).forEach((what, plan) -> {
                    System.out.printf("%-36s %s  %s%n", what, indexDriven(plan) ? "index" : "NOT INDEX-DRIVEN",
                            String.join(" | ", plan));
                });
                return null;
            });
        }
    }
}
