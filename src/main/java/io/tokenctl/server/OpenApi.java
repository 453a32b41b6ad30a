package io.tokenctl.server;

import io.tokenctl.api.Build;
import io.tokenctl.api.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3 document of the routes the server answers, made from the route table itself: a route that
 * answers is in it, and nothing is in it that doesn't answer.
 */
final class OpenApi {
    private OpenApi() {
    }

    static byte[] document(Routes routes) {
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        for (Routes.Route r : routes.all()) {
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("summary", r.summary());
            op.put("operationId", operationId(r));
            List<Map<String, Object>> params = r.segments().stream().filter(s -> s.startsWith("{"))
                    .map(s -> Map.<String, Object>of("name", s.substring(1, s.length() - 1), "in", "path",
                            "required", true, "schema", Map.of("type", "string")))
                    .toList();
            if (!params.isEmpty()) {
                op.put("parameters", params);
            }
            if (r.body()) {
                op.put("requestBody", Map.of("required", true, "content",
                        Map.of("application/json", Map.of("schema", Map.of("type", "object")))));
            }
            if (!r.template().equals("/health") && !r.template().equals("/metrics")
                    && !r.template().equals("/api/v2/openapi.json")
                    && !r.template().equals("/api/v2/setup")) {
                op.put("security", List.of(Map.of("TokenAuth", List.of()), Map.of("BearerAuth", List.of())));
            }
            Map<String, Object> responses = new LinkedHashMap<>();
            for (int status : r.statuses()) {
                responses.put(Integer.toString(status), Map.of("description", describe(status)));
            }
            op.put("responses", responses);
            paths.computeIfAbsent(r.template(), k -> new TreeMap<>()).put(r.method().toLowerCase(java.util.Locale.ROOT), op);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "tokenctl serve", "version", Build.version(),
                "description", "Issue, manage and verify API tokens; shaped like InfluxDB's /api/v2 where it has the"
                        + " operation. Errors are {\"code\", \"message\"}."));
        doc.put("paths", paths);
        doc.put("components", Map.of("securitySchemes", Map.of(
                "TokenAuth", Map.of("type", "apiKey", "in", "header", "name", "Authorization",
                        "description", "Token <secret>, as InfluxDB's clients send it"),
                "BearerAuth", Map.of("type", "http", "scheme", "bearer"))));
        return Json.write(doc);
    }

    private static String operationId(Routes.Route r) {
        StringBuilder sb = new StringBuilder(r.method().toLowerCase(java.util.Locale.ROOT));
        for (String s : r.segments()) {
            String word = s.replaceAll("[{}]", "").replace("-", "");
            if (!word.isEmpty() && !word.equals("api") && !word.equals("v2")) {
                sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).replace(".json", "Json"));
            }
        }
        return sb.toString();
    }

    private static String describe(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No content";
            case 400 -> "Bad request: {code: invalid, message}";
            case 401 -> "Not authenticated: {code: unauthorized, message}";
            case 403 -> "Forbidden: {code: forbidden, message}";
            case 404 -> "Not found: {code: not found, message}";
            case 409 -> "Conflict: {code: conflict, message}";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type";
            case 503 -> "Unavailable";
            default -> "HTTP " + status;
        };
    }
}
