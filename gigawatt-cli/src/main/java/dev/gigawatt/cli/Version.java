package dev.gigawatt.cli;

import dev.gigawatt.report.GigawattVersion;
import picocli.CommandLine.IVersionProvider;

/** Reports the version the build recorded, the same one every run stores in the results database. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"gigawatt " + GigawattVersion.get()};
    }
}
