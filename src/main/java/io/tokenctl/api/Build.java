package io.tokenctl.api;

/** Which build this is: the version in the jar's manifest, or "dev" when run from classes. */
public final class Build {
    private Build() {
    }

    public static String version() {
        String v = Build.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
