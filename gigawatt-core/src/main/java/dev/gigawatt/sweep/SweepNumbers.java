package dev.gigawatt.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes the numbers inside quantity strings such as {@code "$42,000"} or {@code "50,000 h"}. */
final class SweepNumbers {
    private static final Pattern QUANTITY =
            Pattern.compile("(\\$?)\\s*([-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)(.*)");

    private SweepNumbers() {}

    /** The parts of a quantity: prefix, number, suffix; null when the text has no leading number. */
    static Parts parse(String text) {
        Matcher m = QUANTITY.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        return new Parts(m.group(1), Double.parseDouble(m.group(2).replace(",", "")), m.group(3));
    }

    /** A number with 6 significant digits, plain notation, no separators ({@code NaN} and infinities as Java writes them). */
    static String format(double x) {
        if (!Double.isFinite(x)) {
            return String.valueOf(x);
        }
        return new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** A quantity split around its number. */
    record Parts(String prefix, double number, String suffix) {}
}
