package dev.gigawatt.web;

import dev.gigawatt.results.ExportFormat;
import dev.gigawatt.results.ResultsStore;
import dev.gigawatt.results.RunSummary;
import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /api/runs/{id}/tables} and {@code /api/runs/{id}/tables/{table}.{csv|json|parquet}}: a
 * run's tables as the results module exports them ({@link ResultsStore#exportTable}, the code behind
 * {@code --export}). A table is named only from the fixed list of exported tables; the file is
 * written into a new private temporary folder and deleted, with the folder, once sent.
 */
final class TableRoutes {
    private static final Pattern FILE = Pattern.compile("([a-z_]{1,40})\\.(csv|json|parquet)");
    private static final Map<ExportFormat, String> TYPES = Map.of(
            ExportFormat.CSV, "text/csv; charset=utf-8",
            ExportFormat.JSON, "application/json; charset=utf-8",
            ExportFormat.PARQUET, "application/vnd.apache.parquet");

    private final Database db;
    private final RunRoutes runs;

    TableRoutes(Database db, RunRoutes runs) {
        this.db = db;
        this.runs = runs;
    }

    /** Each exported table with its number of rows in this run and the URLs of its files. */
    void list(Context ctx) {
        String id = runs.existing(ctx.pathParam("id"));
        Json.send(ctx, db.read(store -> {
            RunSummary run = runs.find(store, id);
            return ResultsStore.exportedTables().stream()
                    .map(table -> entry(store, run.runId(), table))
                    .toList();
        }));
    }

    private static Map<String, Object> entry(ResultsStore store, String runId, String table) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", table);
        // Table names come from the fixed list, the id from the database; quoted all the same.
        String count = store.query(
                        "SELECT count(*) FROM " + table + " WHERE run_id = '" + runId.replace("'", "''") + "'")
                .rows()
                .get(0)
                .get(0);
        m.put("rows", Long.parseLong(count));
        Map<String, String> files = new LinkedHashMap<>();
        for (ExportFormat f : ExportFormat.values()) {
            files.put(f.extension(), "/api/runs/" + runId + "/tables/" + table + "." + f.extension());
        }
        m.put("files", files);
        return m;
    }

    /** One table of the run as a file to download. */
    void download(Context ctx) {
        String id = runs.existing(ctx.pathParam("id"));
        String name = ctx.pathParam("file");
        Matcher m = FILE.matcher(name);
        if (!m.matches() || !ResultsStore.exportedTables().contains(m.group(1))) {
            throw ApiException.notFound("no table file '" + name + "'; the tables are "
                    + String.join(", ", ResultsStore.exportedTables()) + ", each as .csv, .json or .parquet");
        }
        String table = m.group(1);
        ExportFormat format = ExportFormat.valueOf(m.group(2).toUpperCase(Locale.ROOT));
        Path folder = temporaryFolder();
        Path file = folder.resolve(table + "." + format.extension());
        try {
            String runId = db.read(store -> {
                RunSummary run = runs.find(store, id);
                store.exportTable(run.runId(), table, format, file);
                return run.runId();
            });
            ctx.contentType(TYPES.get(format))
                    .header("Content-Disposition", "attachment; filename=\"" + runId + "-" + name + "\"")
                    .result(new Removing(Files.newInputStream(file), file, folder));
        } catch (IOException e) {
            delete(file, folder);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(file, folder);
            throw e;
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("gigawatt-export-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exported file's stream, which deletes the file and its folder when the server closes it. */
    private static final class Removing extends FilterInputStream {
        private final Path file;
        private final Path folder;

        Removing(InputStream in, Path file, Path folder) {
            super(in);
            this.file = file;
            this.folder = folder;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                delete(file, folder);
            }
        }
    }

    private static void delete(Path file, Path folder) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a temporary file left behind: nothing the request can do about it
        }
    }
}
