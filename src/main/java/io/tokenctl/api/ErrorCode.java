package io.tokenctl.api;

/** The closed family of failures; each maps to one exit code and one HTTP status. */
public enum ErrorCode {
    FAILURE(1, 500),
    CONFLICT(1, 409),
    USAGE(2, 400),
    UNAUTHENTICATED(3, 401),
    FORBIDDEN(4, 403),
    NOT_FOUND(5, 404);

    private final int exitCode;
    private final int httpStatus;

    ErrorCode(int exitCode, int httpStatus) {
        this.exitCode = exitCode;
        this.httpStatus = httpStatus;
    }

    public int exitCode() {
        return exitCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
