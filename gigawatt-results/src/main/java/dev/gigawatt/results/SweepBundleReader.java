package dev.gigawatt.results;

import dev.gigawatt.input.InputException;
import dev.gigawatt.input.Problem;
import dev.gigawatt.sweep.SweepBundle;
import dev.gigawatt.sweep.SweepResult;
import dev.gigawatt.sweep.SweepRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a {@link SweepBundle} back as a sweep result: its inputs checked, its runs read from the
 * Parquet files (by DuckDB, in memory) and checked to be exactly the runs of the design, each once.
 */
public final class SweepBundleReader {
    private SweepBundleReader() {}

    /** A bundle read back: its checked inputs and the sweep result they and its runs make. */
    public record Bundle(SweepBundle.Inputs inputs, SweepResult result) {}

    /**
     * Reads the bundle in {@code dir}.
     *
     * @throws InputException when the bundle is unfinished, changed, or does not hold exactly its runs
     */
    public static Bundle read(Path dir) {
        SweepBundle.Inputs inputs = SweepBundle.readInputs(dir);
        List<SweepRun> runs = runs(dir.resolve(SweepBundle.RUNS_FOLDER), inputs.manifest());
        return new Bundle(inputs, new SweepResult(inputs.spec(), inputs.points(), runs));
    }

    private static List<SweepRun> runs(Path folder, SweepBundle.Manifest manifest) {
        String where = folder.toString();
        if (!Files.isRegularFile(folder.resolve("_SUCCESS"))) {
            throw problem(where, "", "no _SUCCESS file: the job that wrote these runs did not finish");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(".parquet") && !name.startsWith(".") && !name.startsWith("_");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw problem(where, "", "cannot list the folder (" + e.getClass().getSimpleName() + ")");
        }
        if (files.isEmpty()) {
            throw problem(where, "", "no Parquet files");
        }
        StringBuilder list = new StringBuilder("[");
        for (Path f : files) {
            list.append(list.length() > 1 ? ", " : "")
                    .append('\'')
                    .append(f.toAbsolutePath().toString().replace("'", "''"))
                    .append('\'');
        }
        list.append(']');
        String sql = "SELECT " + String.join(", ", SweepBundle.RUN_COLUMNS) + " FROM read_parquet(" + list
                + ") ORDER BY point, replication, kpi_index";
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new StoreException("the DuckDB JDBC driver is missing from the class path", e);
        }
        List<SweepRun> runs = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int point = -1;
            long replication = -1;
            int lastIndex = -1;
            Map<String, Double> kpis = new LinkedHashMap<>();
            while (rs.next()) {
                int p = rs.getInt(1);
                long r = rs.getLong(2);
                int index = rs.getInt(3);
                if (p != point || r != replication) {
                    if (point >= 0) {
                        runs.add(new SweepRun(point, replication, kpis));
                        kpis = new LinkedHashMap<>();
                    }
                    if (p < 0 || p >= manifest.points() || r < 0 || r >= manifest.replications()) {
                        throw problem(
                                where,
                                "",
                                "a run of point " + p + ", replication " + r + " is outside the"
                                        + " design (" + manifest.points() + " points × " + manifest.replications()
                                        + " replications)");
                    }
                    point = p;
                    replication = r;
                    lastIndex = -1;
                }
                if (index <= lastIndex) {
                    throw problem(where, "", "point " + p + ", replication " + r + " is recorded more than once");
                }
                lastIndex = index;
                double v = rs.getDouble(5);
                kpis.put(rs.getString(4), rs.wasNull() ? Double.NaN : v);
            }
            if (point >= 0) {
                runs.add(new SweepRun(point, replication, kpis));
            }
        } catch (SQLException e) {
            throw problem(where, "", "not the runs of a sweep bundle: " + firstLine(e.getMessage()));
        }
        if (runs.size() != manifest.runs()) {
            throw problem(
                    where,
                    "",
                    "holds " + runs.size() + " of the sweep's " + manifest.runs() + " runs" + missing(runs, manifest));
        }
        return runs;
    }

    /** The first run missing from {@code runs} (sorted by point and replication), for the message. */
    private static String missing(List<SweepRun> runs, SweepBundle.Manifest manifest) {
        long expected = 0;
        for (SweepRun r : runs) {
            if (r.ordinal(manifest.replications()) != expected) {
                break;
            }
            expected++;
        }
        if (expected >= manifest.runs()) {
            return "";
        }
        return "; the first missing is point " + expected / manifest.replications() + ", replication "
                + expected % manifest.replications();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static InputException problem(String file, String path, String message) {
        return new InputException(file, List.of(new Problem(path, 0, message)));
    }
}
