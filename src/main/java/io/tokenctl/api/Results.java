package io.tokenctl.api;

import java.util.List;

/** The result values the API returns. */
public final class Results {
    private Results() {
    }

    /** What setup made; {@code token} carries the operator secret, shown once. */
    public record SetupResult(String orgID, String org, String userID, String user, CreatedToken token) {
    }

    /** One page of tokens; {@code next} is the id to pass as {@code after} for the next page, or null at the end. */
    public record TokenPage(List<Token> tokens, String next) {
        public TokenPage {
            tokens = List.copyOf(tokens);
        }
    }
}
