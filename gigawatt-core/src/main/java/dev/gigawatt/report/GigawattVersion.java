package dev.gigawatt.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of gigawatt that produced a result, from the build. */
public final class GigawattVersion {
    private static final String VERSION = load();

    private GigawattVersion() {}

    /**
     * The version and the commit it was built from, e.g. {@code 0.1.0-SNAPSHOT (commit 1a2b3c4)},
     * with "+ local changes" when the working tree differed from it; "dev" when run from an
     * unfiltered build, and no commit when built outside a git checkout.
     */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = GigawattVersion.class.getResourceAsStream("/gigawatt-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            if (v.contains("${")) {
                return "dev";
            }
            String commit = p.getProperty("commit", "");
            if (commit.isEmpty() || commit.contains("${")) {
                return v;
            }
            boolean dirty = "true".equals(p.getProperty("dirty"));
            return v + " (commit " + commit + (dirty ? " + local changes" : "") + ")";
        } catch (IOException e) {
            return "dev";
        }
    }
}
