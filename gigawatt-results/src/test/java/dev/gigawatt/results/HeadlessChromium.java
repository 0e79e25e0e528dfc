package dev.gigawatt.results;

import dev.gigawatt.fixtures.Chromium;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium started for one page, offline, with a fresh profile; the test is skipped
 * (not failed) on machines without it. {@code .ci/run} installs it, so CI always runs these tests.
 */
final class HeadlessChromium {
    private static final Path CHROMIUM = Chromium.BINARY;
    private static final long TIMEOUT_SECONDS = 90;

    private HeadlessChromium() {}

    /** What one Chromium run printed. */
    record Output(int exitCode, String stdout, String stderr) {}

    /**
     * The DOM of {@code page} after {@code virtualMs} of virtual time (timers run without waiting),
     * serialised by Chromium's {@code --dump-dom}.
     *
     * @param work an empty folder for the browser profile and its output
     */
    static String dumpDom(Path page, Path work, long virtualMs) throws IOException, InterruptedException {
        Output out = run(
                work,
                "--virtual-time-budget=" + virtualMs,
                "--dump-dom",
                page.toUri().toString());
        if (out.exitCode() != 0 || !out.stdout().contains("</html>")) {
            throw new AssertionError(
                    "chromium exited with " + out.exitCode() + " and no page; stderr:\n" + out.stderr());
        }
        return out.stdout();
    }

    /** Runs Chromium with the flags that keep it off the network, then {@code args}. */
    static Output run(Path work, String... args) throws IOException, InterruptedException {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM),
                "headless Chromium is not installed at " + CHROMIUM + " (apt-get install -y chromium)");
        List<String> command = new ArrayList<>();
        command.add(CHROMIUM.toString());
        command.addAll(Chromium.OFFLINE_HEADLESS);
        command.add("--window-size=1300,1000");
        command.add("--user-data-dir=" + work.resolve("profile"));
        command.addAll(List.of(args));
        Path stdout = work.resolve("stdout");
        Path stderr = work.resolve("stderr");
        Process p = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        return new Output(
                p.exitValue(),
                Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
