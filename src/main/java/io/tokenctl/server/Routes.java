package io.tokenctl.server;

import io.tokenctl.api.TokenctlException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The server's routes: each a method and a path template ({@code /api/v2/authorizations/{id}}) with a handler.
 * A literal segment wins over a parameter, so {@code /authorizations/find} is never taken for an id. The OpenAPI
 * document is made from this same table, so it lists exactly what answers.
 */
final class Routes {
    /** What a route does with an exchange. */
    @FunctionalInterface
    interface Handler {
        void handle(Exchange ex) throws Exception;
    }

    /**
     * One route. {@code body} says it reads a request body (JSON, or a form for verify); {@code summary} is its one
     * line in the OpenAPI document; {@code statuses} the answers it documents.
     */
    record Route(String method, String template, String summary, boolean body, List<Integer> statuses,
            Handler handler) {
        List<String> segments() {
            return List.of(template.substring(1).split("/"));
        }

        int literals() {
            return (int) segments().stream().filter(s -> !s.startsWith("{")).count();
        }
    }

    /** A route found for a request, with the values of its path parameters. */
    record Match(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    Routes add(String method, String template, String summary, boolean body, List<Integer> statuses, Handler h) {
        routes.add(new Route(method, template, summary, body, statuses, h));
        routes.sort(Comparator.comparingInt((Route r) -> -r.literals()));
        return this;
    }

    List<Route> all() {
        return List.copyOf(routes);
    }

    /**
     * The route for {@code method} on the decoded path {@code segments}; refuses with "not found" (no route has the
     * path) or a {@link MethodNotAllowed} naming the methods it has.
     */
    Match find(String method, List<String> segments) {
        TreeSet<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            Map<String, String> params = matches(r, segments);
            if (params != null) {
                if (r.method().equals(method) || method.equals("HEAD") && r.method().equals("GET")) {
                    return new Match(r, params);
                }
                allowed.add(r.method());
            }
        }
        if (!allowed.isEmpty()) {
            throw new MethodNotAllowed(allowed);
        }
        throw TokenctlException.notFound("no route " + String.join("/", segments).replace("\n", "")
                + "; see /api/v2/openapi.json");
    }

    private static Map<String, String> matches(Route r, List<String> segments) {
        List<String> t = r.segments();
        if (t.size() != segments.size()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < t.size(); i++) {
            String want = t.get(i);
            if (want.startsWith("{")) {
                params.put(want.substring(1, want.length() - 1), segments.get(i));
            } else if (!want.equals(segments.get(i))) {
                return null;
            }
        }
        return params;
    }

    /** A path that exists, asked with a method it doesn't take. */
    static final class MethodNotAllowed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final TreeSet<String> allowed;

        MethodNotAllowed(TreeSet<String> allowed) {
            super("method not allowed", null, false, false);
            this.allowed = allowed;
        }
    }
}
