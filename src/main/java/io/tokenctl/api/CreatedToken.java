package io.tokenctl.api;

/** A token together with its secret: the only value that ever carries one, returned once. */
public record CreatedToken(Token token, String secret) {
    @Override
    public String toString() {
        return "CreatedToken[token=" + token + ", secret=<redacted>]";
    }
}
