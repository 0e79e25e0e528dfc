package dev.gigawatt.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest ("dev" when run from classes). */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = GigawattCli.class.getPackage().getImplementationVersion();
        return new String[] {"gigawatt " + (v == null ? "dev" : v)};
    }
}
