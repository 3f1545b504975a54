package dev.promptport.cli;

import picocli.CommandLine;

/** Reads the version from the jar's manifest, so there is one place to change it. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"promptport " + number()};
    }

    /** The release number; a build from source without a jar manifest counts as 0.0.0. */
    static String number() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "0.0.0" : v;
    }
}
