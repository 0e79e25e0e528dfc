package dev.gigawatt.sweep;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.gigawatt.input.InputException;
import dev.gigawatt.input.Problem;
import dev.gigawatt.input.Text;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep run somewhere else (a Spark cluster) and written to a folder that {@code gigawatt import}
 * records in the results database. The folder holds everything the record needs, so it can be
 * copied from the cluster's shared storage and imported anywhere:
 *
 * <pre>
 * gigawatt-sweep.json     the manifest, written last: the sweep finished and every file is in place
 * sweep.yaml              the sweep file as it was read
 * scenario/NAME.yaml      the base scenario as it was read, under its own file name
 * runs/part-*.parquet     one row per run and KPI (RUN_COLUMNS), one file per Spark partition
 * summary.json            the sweep's summary, as gigawatt sweep -f json prints it
 * </pre>
 */
public final class SweepBundle {
    public static final String MANIFEST = "gigawatt-sweep.json";
    public static final String SWEEP_FILE = "sweep.yaml";
    public static final String SCENARIO_FOLDER = "scenario";
    public static final String RUNS_FOLDER = "runs";
    public static final String SUMMARY_FILE = "summary.json";

    /** The layout this build writes and reads; a later layout gets a higher number. */
    public static final int FORMAT = 1;

    /**
     * Columns of the runs files: the point's index, the replication, the KPI's place in its run (so
     * a run's KPIs come back in the order it gave them), the KPI's name and its value (NaN where a
     * run has none).
     */
    public static final List<String> RUN_COLUMNS = List.of("point", "replication", "kpi_index", "kpi", "value");

    private SweepBundle() {}

    /**
     * What a bundle says about itself.
     *
     * @param sweepFile the sweep file as the user named it when it ran
     * @param scenarioFile the base scenario's file name (under {@code scenario/})
     * @param sweepSha256 SHA-256 of {@code sweep.yaml}, checked on import
     * @param scenarioSha256 SHA-256 of the base scenario, checked on import
     * @param points points of the design
     * @param replications runs per point
     */
    public record Manifest(
            int format,
            String gigawattVersion,
            String engine,
            String sweepFile,
            String scenarioFile,
            String sweepSha256,
            String scenarioSha256,
            int points,
            int replications,
            Instant startedAt,
            Instant finishedAt) {
        /** Runs the bundle must hold. */
        public long runs() {
            return (long) points * replications;
        }

        public String toJson() {
            StringWriter out = new StringWriter();
            try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeNumberField("format", format);
                g.writeStringField("gigawatt_version", gigawattVersion);
                g.writeStringField("engine", engine);
                g.writeStringField("sweep_file", sweepFile);
                g.writeStringField("scenario_file", scenarioFile);
                g.writeStringField("sweep_sha256", sweepSha256);
                g.writeStringField("scenario_sha256", scenarioSha256);
                g.writeNumberField("points", points);
                g.writeNumberField("replications", replications);
                g.writeStringField("started_at", startedAt.toString());
                g.writeStringField("finished_at", finishedAt.toString());
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.append('\n').toString();
        }

        /** Reads a manifest; {@code where} names it in messages. */
        public static Manifest parse(String json, String where) {
            Map<String, Object> f = new HashMap<>();
            try (JsonParser p = new JsonFactory().createParser(json)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw problem(where, "", "not a JSON object");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.VALUE_NUMBER_INT) {
                        f.put(name, p.getLongValue());
                    } else if (t == JsonToken.VALUE_STRING) {
                        f.put(name, p.getText());
                    } else {
                        p.skipChildren();
                    }
                }
            } catch (JsonProcessingException e) {
                throw problem(where, "", "not valid JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int format = (int) number(f, "format", where);
            if (format != FORMAT) {
                throw problem(
                        where,
                        "format",
                        "this build reads bundle format " + FORMAT + ", got " + format + " (written by gigawatt "
                                + f.getOrDefault("gigawatt_version", "?") + ")");
            }
            long points = number(f, "points", where);
            long replications = number(f, "replications", where);
            if (points < 1 || points > Integer.MAX_VALUE) {
                throw problem(where, "points", "must be at least 1, got " + points);
            }
            if (replications < 1 || replications > Integer.MAX_VALUE) {
                throw problem(where, "replications", "must be at least 1, got " + replications);
            }
            String scenarioFile = text(f, "scenario_file", where);
            if (scenarioFile.isEmpty()
                    || !Path.of(scenarioFile).getFileName().toString().equals(scenarioFile)) {
                throw problem(
                        where, "scenario_file", "must be a file name without folders, got " + Text.quote(scenarioFile));
            }
            return new Manifest(
                    format,
                    text(f, "gigawatt_version", where),
                    text(f, "engine", where),
                    text(f, "sweep_file", where),
                    scenarioFile,
                    text(f, "sweep_sha256", where),
                    text(f, "scenario_sha256", where),
                    (int) points,
                    (int) replications,
                    instant(f, "started_at", where),
                    instant(f, "finished_at", where));
        }

        private static long number(Map<String, Object> f, String key, String where) {
            if (!(f.get(key) instanceof Long n)) {
                throw problem(where, key, "missing, or not a whole number");
            }
            return n;
        }

        private static String text(Map<String, Object> f, String key, String where) {
            if (!(f.get(key) instanceof String s)) {
                throw problem(where, key, "missing, or not text");
            }
            return s;
        }

        private static Instant instant(Map<String, Object> f, String key, String where) {
            String s = text(f, key, where);
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw problem(where, key, "not an ISO-8601 instant, got " + Text.quote(s));
            }
        }
    }

    /** A bundle's inputs read back and checked: its manifest, the two texts, the sweep and its points. */
    public record Inputs(
            Manifest manifest, String sweepText, String scenarioText, SweepSpec spec, List<SweepPoint> points) {}

    /**
     * Reads and checks the inputs of the bundle in {@code dir}: the manifest, the sweep file and its
     * scenario (unchanged since the sweep ran: their SHA-256 must match), and the sweep's points,
     * made again from the sweep file exactly as the engine that ran them made them.
     *
     * @throws InputException naming the file and what is wrong, when anything is missing or does not match
     */
    public static Inputs readInputs(Path dir) {
        String where = dir.resolve(MANIFEST).toString();
        if (!Files.isRegularFile(dir.resolve(MANIFEST))) {
            throw problem(
                    dir.toString(),
                    "",
                    "not a finished sweep bundle: no " + MANIFEST
                            + " (it is written last, when the sweep has finished)");
        }
        Manifest manifest = Manifest.parse(read(dir.resolve(MANIFEST), where), where);
        String sweepText = read(dir.resolve(SWEEP_FILE), where);
        Path scenario = dir.resolve(SCENARIO_FOLDER).resolve(manifest.scenarioFile());
        String scenarioText = read(scenario, where);
        if (!Text.sha256(sweepText).equals(manifest.sweepSha256())) {
            throw problem(where, "sweep_sha256", SWEEP_FILE + " was changed after the sweep ran");
        }
        if (!Text.sha256(scenarioText).equals(manifest.scenarioSha256())) {
            throw problem(
                    where,
                    "scenario_sha256",
                    SCENARIO_FOLDER + "/" + manifest.scenarioFile() + " was changed after the sweep ran");
        }
        SweepSpec spec = SweepReader.parse(sweepText, manifest.sweepFile(), dir, scenario);
        List<SweepPoint> points = SweepDesign.points(spec);
        if (points.size() != manifest.points() || spec.replications() != manifest.replications()) {
            throw problem(
                    where,
                    "points",
                    "the manifest says " + manifest.points() + " points × " + manifest.replications()
                            + " replications; " + SWEEP_FILE + " makes " + points.size() + " × "
                            + spec.replications());
        }
        return new Inputs(manifest, sweepText, scenarioText, spec, points);
    }

    private static String read(Path file, String where) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw problem(file.toString(), "", "not UTF-8 text");
        } catch (IOException e) {
            throw problem(where, "", "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static InputException problem(String file, String path, String message) {
        return new InputException(file, List.of(new Problem(path, 0, message)));
    }
}
