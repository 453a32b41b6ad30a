package io.tokenctl.store;

/** What both stores do with a driver's exception before saying it in the operator's words. */
final class Failures {
    private Failures() {
    }

    /** The first exception of {@code type} in {@code e}'s cause chain, or null. */
    static <X extends Throwable> X find(Throwable e, Class<X> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The first line of {@code t}'s message, stripped: drivers append statements and hints on the lines after. */
    static String firstLine(Throwable t) {
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
