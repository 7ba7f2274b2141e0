package dev.netlens.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (set by Maven), so it cannot drift from the build. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"netlens " + version()};
    }

    public static String version() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }
}
