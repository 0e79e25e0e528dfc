package dev.gigawatt.input;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" hints for misspelt keys and catalog names, by edit distance. */
public final class Suggestions {
    private Suggestions() {}

    /**
     * The candidate closest to {@code given}, if it is close enough to be a plausible typo, else null.
     * Comparison ignores case; a candidate containing {@code given} also counts as close.
     */
    public static String closest(String given, Collection<String> candidates) {
        String needle = given.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String c = candidate.toLowerCase(Locale.ROOT);
            int distance = c.contains(needle) || needle.contains(c) ? 1 : distance(needle, c);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        int allowed = Math.max(2, needle.length() / 3);
        return bestDistance <= allowed ? best : null;
    }

    /** A " (did you mean 'x'?)" suffix, or an empty string when nothing is close. */
    public static String hint(String given, Collection<String> candidates) {
        String closest = closest(given, candidates);
        return closest == null ? "" : "; did you mean '" + closest + "'?";
    }

    /** Levenshtein distance with unit costs, two rows of memory. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
