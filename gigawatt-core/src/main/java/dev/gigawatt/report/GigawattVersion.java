package dev.gigawatt.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of gigawatt that produced a result, from the build. */
public final class GigawattVersion {
    private static final String VERSION = load();

    private GigawattVersion() {}

    /** The version string, e.g. {@code 0.1.0-SNAPSHOT}; "dev" when run from an unfiltered build. */
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
            return v.contains("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
