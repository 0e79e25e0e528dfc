package dev.gigawatt.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gigawatt.sweep.Summary;
import dev.gigawatt.sweep.SweepPoint;
import dev.gigawatt.sweep.SweepResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes a sweep's summary as JSON: points, and per output its distribution, per-point statistics and tornado. */
public final class SweepJson {
    /** Bumped when a key is removed or changes meaning. */
    public static final int SCHEMA_VERSION = 1;

    private static final int BINS = 20;

    private SweepJson() {}

    /** The summary as pretty-printed JSON. */
    public static String write(SweepResult r) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeStringField("name", r.spec().name());
            g.writeStringField("mode", r.spec().mode());
            g.writeStringField("design", r.spec().design());
            g.writeNumberField("replications", r.spec().replications());
            g.writeNumberField("runs", r.runs().size());
            g.writeArrayFieldStart("inputs");
            for (var a : r.spec().axes()) {
                g.writeStartObject();
                g.writeStringField("path", a.path());
                g.writeStringField("kind", "axis");
                g.writeStringField("values", String.join(", ", a.values()));
                g.writeEndObject();
            }
            for (var u : r.spec().uncertain()) {
                g.writeStartObject();
                g.writeStringField("path", u.path());
                g.writeStringField("kind", "uncertain");
                g.writeStringField("values", u.description());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("points");
            for (SweepPoint p : r.points()) {
                g.writeStartObject();
                g.writeNumberField("index", p.index());
                g.writeObjectFieldStart("values");
                for (Map.Entry<String, String> e : p.values().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("outputs");
            for (String output : r.outputs()) {
                output(g, r, output);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + System.lineSeparator();
    }

    private static void output(JsonGenerator g, SweepResult r, String output) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", output);
        g.writeFieldName("summary");
        summary(g, r.summary(output));
        g.writeArrayFieldStart("byPoint");
        for (Summary s : r.byPoint(output)) {
            summary(g, s);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("sensitivity");
        for (Map.Entry<String, Double> e : r.sensitivity(output).entrySet()) {
            g.writeStartObject();
            g.writeStringField("input", e.getKey());
            JsonFields.num(g, "spearman", e.getValue());
            g.writeEndObject();
        }
        g.writeEndArray();
        histogram(g, r.values(output));
        g.writeEndObject();
    }

    private static void histogram(JsonGenerator g, double[] values) throws IOException {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        g.writeObjectFieldStart("histogram");
        if (!Double.isFinite(min)) {
            g.writeEndObject();
            return;
        }
        int bins = max > min ? BINS : 1;
        int[] counts = new int[bins];
        for (double v : values) {
            if (Double.isFinite(v)) {
                int b = max > min ? (int) Math.min(bins - 1, Math.floor((v - min) / (max - min) * bins)) : 0;
                counts[b]++;
            }
        }
        g.writeArrayFieldStart("edges");
        for (int i = 0; i <= bins; i++) {
            g.writeNumber(bins == 1 ? min + i : min + (max - min) * i / bins);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("counts");
        for (int c : counts) {
            g.writeNumber(c);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void summary(JsonGenerator g, Summary s) throws IOException {
        g.writeStartObject();
        g.writeNumberField("n", s.n());
        JsonFields.num(g, "mean", s.mean());
        JsonFields.num(g, "sd", s.sd());
        JsonFields.num(g, "ci95", s.ci95());
        JsonFields.num(g, "min", s.min());
        JsonFields.num(g, "p10", s.p10());
        JsonFields.num(g, "p50", s.p50());
        JsonFields.num(g, "p90", s.p90());
        JsonFields.num(g, "max", s.max());
        g.writeEndObject();
    }
}
