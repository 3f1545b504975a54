package dev.promptport.cli;

import picocli.CommandLine;

/** Reads the version from the jar's manifest, so there is one place to change it. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"promptport " + (v == null ? "(development build)" : v)};
    }
}
