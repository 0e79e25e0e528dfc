package dev.gigawatt.optimize;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** The optimiser's answer for a plan as one JSON object: what a recorded run keeps besides the planner's answer. */
public final class OutcomeJson {
    private OutcomeJson() {}

    /**
     * The object for {@code outcome}, which must have a plan.
     *
     * @param report the text report printed for it
     * @param planYaml the plan written as a scenario
     */
    public static String write(Outcome outcome, Sensitivity sensitivity, String report, String planYaml) {
        BuildOut p = outcome.problem();
        Costs c = outcome.costs();
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("objective", p.objective());
            g.writeBooleanField("optimal", outcome.optimal());
            g.writeNumberField("gap", outcome.gap());
            g.writeNumberField("objectiveUsd", c.objectiveUsd(p.objective()));
            g.writeNumberField("capexUsd", c.capexUsd());
            g.writeNumberField("tcoUsd", c.tcoUsd());
            g.writeNumberField("acceleratorsBought", outcome.decisions().totalBought());
            g.writeNumberField("stepsBuilt", stepsBuilt(outcome));
            g.writeArrayFieldStart("shadowPrices");
            for (ShadowPrice sp : sensitivity.shadowPrices()) {
                g.writeStartObject();
                g.writeStringField("kind", sp.kind());
                g.writeStringField("subject", sp.subject());
                g.writeStringField("from", sp.from());
                g.writeStringField("per", sp.per());
                g.writeNumberField("savingUsd", sp.savingUsd());
                g.writeStringField("words", sp.words(p.objective()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("priceChanges");
            for (PriceChange pc : sensitivity.priceChanges()) {
                g.writeStartObject();
                g.writeStringField("type", pc.type());
                g.writeNumberField("factor", pc.factor());
                g.writeObjectFieldStart("mix");
                for (Map.Entry<String, Long> e : pc.mix().entrySet()) {
                    g.writeNumberField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeBooleanField("samePlan", pc.samePlan());
                g.writeNumberField("objectiveChangeUsd", pc.objectiveChangeUsd());
                g.writeStringField("words", pc.words(p.objective()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("report", report);
            g.writeStringField("planYaml", planYaml);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static long stepsBuilt(Outcome outcome) {
        return java.util.Arrays.stream(outcome.decisions().stepQuarter())
                .filter(q -> q >= 0)
                .count();
    }
}
