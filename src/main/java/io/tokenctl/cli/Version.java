package io.tokenctl.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code tokenctl --version}: see {@link io.tokenctl.api.Build}. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"tokenctl " + io.tokenctl.api.Build.version()};
    }
}
