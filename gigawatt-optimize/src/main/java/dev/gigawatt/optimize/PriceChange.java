package dev.gigawatt.optimize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plan the optimiser chooses when one candidate's price is moved and everything else stays:
 * the problem solved again with the planner's costs at the new price.
 *
 * @param type the candidate whose price moved
 * @param factor its price × this (1.1 for 10 % higher)
 * @param mix accelerators bought per candidate type at the new price, in the order of the types;
 *     empty when no plan meets every limit at it
 * @param sameMix whether the same counts of every type are bought as in the plan
 * @param samePlan whether the same accelerators are bought at the same sites in the same quarters,
 *     and the same steps built
 * @param objectiveChangeUsd the new plan's objective at the new price less the plan's at the old, USD
 */
public record PriceChange(
        String type,
        double factor,
        Map<String, Long> mix,
        boolean sameMix,
        boolean samePlan,
        double objectiveChangeUsd) {
    public PriceChange {
        mix = Collections.unmodifiableMap(new LinkedHashMap<>(mix));
    }

    /** Accelerators bought per candidate type in {@code d}, in the order of the types. */
    static Map<String, Long> mix(BuildOut p, Decisions d) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int t = 0; t < p.types().size(); t++) {
            if (p.types().get(t).buyable()) {
                long n = 0;
                for (long[] perQuarter : d.bought()[t]) {
                    for (long x : perQuarter) {
                        n += x;
                    }
                }
                out.put(p.types().get(t).name(), n);
            }
        }
        return out;
    }

    /** The change in words: "a 10% higher B200 price changes the mix to 52,000 GB300 and 34,016 B200 (TCO +$45.2M)". */
    public String words(String objective) {
        String change = String.format(
                Locale.ROOT,
                "a %.0f%% %s %s price ",
                Math.abs(100 * (factor - 1)),
                factor > 1 ? "higher" : "lower",
                type);
        if (mix.isEmpty()) {
            return change + "leaves no plan within every limit";
        }
        String what = "npv".equals(objective) ? "NPV" : "capex".equals(objective) ? "capex" : "TCO";
        String delta = Math.abs(objectiveChangeUsd) < 0.5
                ? " (" + what + " unchanged)"
                : String.format(
                        Locale.ROOT,
                        " (%s %s%s)",
                        what,
                        objectiveChangeUsd < 0 ? "-" : "+",
                        OutcomeText.usd(Math.abs(objectiveChangeUsd)));
        if (samePlan) {
            return change + "leaves the plan unchanged" + delta;
        }
        if (sameMix) {
            return change + "keeps the mix but moves purchases between sites or quarters" + delta;
        }
        List<String> parts = new ArrayList<>();
        mix.forEach((name, n) -> {
            if (n > 0) {
                parts.add(String.format(Locale.ROOT, "%,d %s", n, name));
            }
        });
        String list = parts.isEmpty() ? "no accelerators bought" : join(parts);
        return change + "changes the mix to " + list + delta;
    }

    private static String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
