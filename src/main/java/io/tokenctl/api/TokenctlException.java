package io.tokenctl.api;

/**
 * Every failure the API reports. The message is one line for an operator and never holds a secret.
 */
public final class TokenctlException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public TokenctlException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public TokenctlException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static TokenctlException usage(String message) {
        return new TokenctlException(ErrorCode.USAGE, message);
    }

    public static TokenctlException unauthenticated(String message) {
        return new TokenctlException(ErrorCode.UNAUTHENTICATED, message);
    }

    public static TokenctlException forbidden(String message) {
        return new TokenctlException(ErrorCode.FORBIDDEN, message);
    }

    public static TokenctlException notFound(String message) {
        return new TokenctlException(ErrorCode.NOT_FOUND, message);
    }

    public static TokenctlException conflict(String message) {
        return new TokenctlException(ErrorCode.CONFLICT, message);
    }

    public static TokenctlException failure(String message, Throwable cause) {
        return new TokenctlException(ErrorCode.FAILURE, message, cause);
    }
}
