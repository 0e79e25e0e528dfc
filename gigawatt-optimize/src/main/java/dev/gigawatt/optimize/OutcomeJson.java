package dev.gigawatt.optimize;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
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
        return write(Checked.unchecked(outcome), sensitivity, report, planYaml);
    }

    /** The object for {@code checked}'s plan, with the rounds of its check by simulation. */
    public static String write(Checked checked, Sensitivity sensitivity, String report, String planYaml) {
        Outcome outcome = checked.outcome();
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
            simulation(g, checked);
            g.writeStringField("report", report);
            g.writeStringField("planYaml", planYaml);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void simulation(JsonGenerator g, Checked checked) throws IOException {
        g.writeObjectFieldStart("simulationCheck");
        g.writeNumberField("maxRounds", checked.maxRounds());
        g.writeNumberField("roundsSimulated", checked.rounds().size());
        if (!checked.rounds().isEmpty()) {
            g.writeBooleanField("met", checked.met());
            g.writeNumberField("seed", checked.seed());
            g.writeStringField("scheduler", checked.scheduler());
            g.writeStringField("words", CheckText.verdict(checked));
        }
        g.writeArrayFieldStart("rounds");
        for (Round r : checked.rounds()) {
            g.writeStartObject();
            g.writeNumberField("number", r.number());
            g.writeBooleanField("met", r.met());
            g.writeArrayFieldStart("goals");
            for (Goal goal : r.goals()) {
                g.writeStartObject();
                g.writeStringField("kind", goal.kind());
                g.writeStringField("workload", goal.workload());
                g.writeBooleanField("met", goal.met());
                g.writeStringField("words", goal.words());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("tightenings");
            for (Tightening t : r.tightenings()) {
                g.writeStartObject();
                g.writeStringField("kind", t.kind());
                g.writeStringField("workload", t.workload());
                g.writeNumberField("factorBefore", t.factorBefore());
                g.writeNumberField("factorAfter", t.factorAfter());
                g.writeStringField("words", t.words());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("conflicts");
            for (String c : r.conflicts()) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static long stepsBuilt(Outcome outcome) {
        return Arrays.stream(outcome.decisions().stepQuarter())
                .filter(q -> q >= 0)
                .count();
    }
}
