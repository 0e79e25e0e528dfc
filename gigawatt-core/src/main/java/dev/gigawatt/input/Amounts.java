package dev.gigawatt.input;

import java.util.Locale;

/** Counts, sizes and durations written for the messages about how much work an input asks for. */
public final class Amounts {
    private Amounts() {}

    /** A count with thousands separators ({@code 1,000,000}), in powers of ten beyond a quadrillion. */
    public static String count(double n) {
        return Math.abs(n) < 1e15 ? String.format(Locale.ROOT, "%,.0f", n) : String.format(Locale.ROOT, "%.1e", n);
    }

    /** A number of bytes with a decimal prefix: {@code 1.2 GB}, {@code 4 TB}. */
    public static String bytes(double n) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
        int i = 0;
        double v = n;
        while (v >= 1000 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        return (v < 10 && i > 0 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%,.0f", v)) + " "
                + units[i];
    }

    /** A duration in the largest sensible unit: {@code 40 seconds}, {@code 3 hours}, {@code 2.5 years}. */
    public static String duration(double seconds) {
        double[] sizes = {365 * 86_400.0, 86_400, 3_600, 60, 1};
        String[] names = {"years", "days", "hours", "minutes", "seconds"};
        for (int i = 0; i < sizes.length; i++) {
            if (seconds >= sizes[i] * 2 || i == sizes.length - 1) {
                double v = seconds / sizes[i];
                return (v < 10 ? String.format(Locale.ROOT, "%.1f", v) : count(Math.round(v))) + " " + names[i];
            }
        }
        throw new AssertionError();
    }
}
