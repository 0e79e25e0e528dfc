package dev.gigawatt.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal and the run has lasted
 * longer than a second, redrawn at most ten times a second.
 */
final class ProgressBar implements DoubleConsumer {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean enabled;
    private final String label;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;
    private boolean drawn;

    ProgressBar(PrintWriter err, boolean terminal, String label) {
        this.err = err;
        this.enabled = terminal;
        this.label = label;
    }

    /**
     * True when the session is interactive: the JDK can only tell whether stdin and stdout are a
     * terminal (stderr redirected alone is not detected; use --no-progress), never under CI or a
     * dumb terminal.
     */
    @SuppressWarnings("SystemConsoleNull") // on JDK 17, the target, console() is null without a terminal
    static boolean stderrIsTerminal() {
        return System.console() != null && !"true".equals(System.getenv("CI")) && !"dumb".equals(System.getenv("TERM"));
    }

    @Override
    public void accept(double fraction) {
        long now = System.nanoTime();
        if (!enabled || now - startNanos < 1_000_000_000L || (now - lastDrawNanos < 100_000_000L && fraction < 1)) {
            return;
        }
        lastDrawNanos = now;
        int filled = (int) Math.round(fraction * WIDTH);
        double elapsed = (now - startNanos) / 1e9;
        double eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : Double.NaN;
        err.printf(
                Locale.ROOT,
                "\r%s [%s%s] %3.0f%%  %.0f s elapsed, ~%.0f s left ",
                label,
                "#".repeat(filled),
                " ".repeat(WIDTH - filled),
                fraction * 100,
                elapsed,
                eta);
        err.flush();
        drawn = true;
    }

    /** Clears the bar's line, if one was drawn. */
    void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + label.length() + 40) + "\r");
            err.flush();
        }
    }
}
