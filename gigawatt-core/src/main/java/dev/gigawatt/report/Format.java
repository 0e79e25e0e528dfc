package dev.gigawatt.report;

import java.util.Locale;

/** Number formatting for people: thousands separators, sensible precision, SI prefixes. */
public final class Format {
    private Format() {}

    /** A whole number with thousands separators: {@code 1,300,000}. */
    public static String integer(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%,.0f", value) : "n/a";
    }

    /** A number with {@code decimals} decimals and thousands separators. */
    public static String number(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%,." + decimals + "f", value) : "n/a";
    }

    /** A fraction as a percentage: {@code 0.412} → {@code 41.2%}. */
    public static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f%%", fraction * 100) : "n/a";
    }

    /** Three significant digits with an SI-style suffix: {@code 3.79e25} → {@code 3.79e25}, {@code 1.2e9} → {@code 1.20 B}. */
    public static String compact(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        if (abs >= 1e15) {
            return String.format(Locale.ROOT, "%.2e", value);
        }
        if (abs >= 1e12) {
            return String.format(Locale.ROOT, "%.2f T", value / 1e12);
        }
        if (abs >= 1e9) {
            return String.format(Locale.ROOT, "%.2f B", value / 1e9);
        }
        if (abs >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", value / 1e6);
        }
        return integer(value);
    }

    /** US dollars, compact: {@code $62.4B}, {@code $1.23}. */
    public static String usd(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        if (abs >= 1e9) {
            return String.format(Locale.ROOT, "$%,.2fB", value / 1e9);
        }
        if (abs >= 1e6) {
            return String.format(Locale.ROOT, "$%,.1fM", value / 1e6);
        }
        if (abs >= 1e3) {
            return String.format(Locale.ROOT, "$%,.0f", value);
        }
        return String.format(Locale.ROOT, "$%.2f", value);
    }
}
