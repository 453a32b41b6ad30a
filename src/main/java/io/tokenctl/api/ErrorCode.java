package io.tokenctl.api;

/**
 * The closed family of failures; each maps to one exit code, one HTTP status and the code of an HTTP error body
 * (InfluxDB's names, which its clients know).
 */
public enum ErrorCode {
    FAILURE(1, 500, "internal error"),
    CONFLICT(1, 409, "conflict"),
    USAGE(2, 400, "invalid"),
    UNAUTHENTICATED(3, 401, "unauthorized"),
    FORBIDDEN(4, 403, "forbidden"),
    NOT_FOUND(5, 404, "not found"),
    /** The store stayed busy or can't be reached now: try again (a server answers 503). */
    UNAVAILABLE(1, 503, "unavailable");

    private final int exitCode;
    private final int httpStatus;
    private final String httpCode;

    ErrorCode(int exitCode, int httpStatus, String httpCode) {
        this.exitCode = exitCode;
        this.httpStatus = httpStatus;
        this.httpCode = httpCode;
    }

    /** The {@code code} of an HTTP error body {@code {"code": ..., "message": ...}}. */
    public String httpCode() {
        return httpCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The code an HTTP error body's {@code code} names (what a remote client reads back); unknown words are failures. */
    public static ErrorCode fromHttpCode(String code) {
        for (ErrorCode c : values()) {
            if (c.httpCode.equals(code)) {
                return c;
            }
        }
        return FAILURE;
    }
}
