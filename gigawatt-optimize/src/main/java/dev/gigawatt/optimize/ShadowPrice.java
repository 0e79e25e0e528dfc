package dev.gigawatt.optimize;

import java.util.Locale;

/**
 * What one more unit of a binding limit is worth: the dual of its row in the linear program of the
 * plan's purchases with the workload and step choices fixed, in the objective's money.
 *
 * @param kind {@code power}, {@code deliveries}, {@code budget}, {@code co2e} or {@code vendor}
 * @param subject the site, the accelerator type, the budget's year or the vendor ("" for CO2e)
 * @param from the first quarter the extra unit is worth something in (power, deliveries; it is added
 *     from then to the horizon's end), else ""
 * @param per the unit: {@code MW}, {@code accelerator a quarter}, {@code $1M}, {@code tCO2e} or
 *     {@code percentage point}
 * @param savingUsd what one more unit would save of the objective, USD (positive)
 */
public record ShadowPrice(String kind, String subject, String from, String per, double savingUsd) {
    /** The price in words, such as "1 MW more at richland from 2026-Q1 would save $1.2M of TCO". */
    public String words(String objective) {
        String saves = "npv".equals(objective)
                ? "would add " + OutcomeText.usd(savingUsd) + " of NPV"
                : "would save " + OutcomeText.usd(savingUsd) + " of " + ("capex".equals(objective) ? "capex" : "TCO");
        return switch (kind) {
            case "power" -> "1 MW more at " + subject + " from " + from + " " + saves;
            case "deliveries" -> "one more " + subject + " deliverable a quarter from " + from + " " + saves;
            case "budget" -> "the " + subject + " capex budget binds: each $1M more " + saves;
            case "co2e" -> "the CO2e limit binds: each tCO2e more allowed " + saves;
            case "vendor" -> subject + "'s share limit binds: 1 percentage point more " + saves;
            default -> String.format(Locale.ROOT, "%s %s: one %s more %s", kind, subject, per, saves);
        };
    }
}
