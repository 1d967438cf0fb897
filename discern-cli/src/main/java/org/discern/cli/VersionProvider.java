package org.discern.cli;

import picocli.CommandLine;

/** Prints the version from the jar manifest. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    /** The Discern version, or "dev" when not running from a packaged jar. */
    public static String version() {
        String v = Cli.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"discern " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
