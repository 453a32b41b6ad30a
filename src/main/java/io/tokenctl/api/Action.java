package io.tokenctl.api;

public enum Action {
    READ, WRITE;

    public String wire() {
        return this == READ ? "read" : "write";
    }

    public static Action fromWire(String text) {
        return switch (text) {
            case "read" -> READ;
            case "write" -> WRITE;
            default -> throw TokenctlException.usage("unknown action \"" + text + "\"; use read or write");
        };
    }
}
