package dev.gigawatt.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recorded run's tables as CSV, JSON and Parquet downloads, and the names that are refused. */
class TablesApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    static TestServer server;
    static String runId;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(folder);
        String id = JSON.readTree(
                        server.post("/api/simulate", RunsApiTest.MONTH).body())
                .get("id")
                .asText();
        List<String[]> events = server.events("/api/simulations/" + id + "/events");
        runId = JSON.readTree(events.get(events.size() - 1)[1]).get("runId").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void tables_listsEveryExportedTableWithItsRowsAndFiles() throws Exception {
        HttpResponse<String> r = server.get("/api/runs/" + runId + "/tables");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode tables = JSON.readTree(r.body());
        assertThat(tables.findValuesAsText("table"))
                .containsExactly("site_hourly", "jobs", "job_events", "services", "kpis", "sweep_points", "sweep_runs");
        JsonNode hourly = tables.get(0);
        assertThat(hourly.get("rows").asLong()).isEqualTo(count("site_hourly"));
        assertThat(hourly.get("files").get("csv").asText()).isEqualTo("/api/runs/" + runId + "/tables/site_hourly.csv");
        assertThat(tables.get(5).get("rows").asLong())
                .as("a simulation has no sweep points")
                .isZero();
    }

    @Test
    void csv_isTheRunsRowsWithAHeader_asAnAttachment() throws Exception {
        HttpResponse<String> r = server.get("/api/runs/" + runId.substring(0, 18) + "/tables/site_hourly.csv");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"" + runId + "-site_hourly.csv\"");
        List<String> lines = r.body().lines().toList();
        assertThat(lines.get(0)).startsWith("run_id,site,hour,time,it_energy_mwh,facility_energy_mwh,capacity_mw");
        assertThat(lines).hasSize(1 + (int) count("site_hourly"));
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.startsWith(runId + ","));
    }

    @Test
    void json_isAnArrayOfTheRunsKpis() throws Exception {
        HttpResponse<String> r = server.get("/api/runs/" + runId + "/tables/kpis.json");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode rows = JSON.readTree(r.body());
        JsonNode kpis = JSON.readTree(server.get("/api/runs/" + runId).body()).get("kpis");
        assertThat(rows.size()).isEqualTo(kpis.size());
        assertThat(rows.findValuesAsText("name")).containsExactlyInAnyOrderElementsOf(kpis.findValuesAsText("name"));
        assertThat(rows.findValuesAsText("run_id")).containsOnly(runId);
    }

    @Test
    void parquet_isAParquetFile_andTheTemporaryFileIsGone() throws Exception {
        HttpResponse<byte[]> r = server.client()
                .send(
                        server.request("/api/runs/" + runId + "/tables/jobs.parquet")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/vnd.apache.parquet");
        byte[] body = r.body();
        assertThat(new String(body, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThat(new String(body, body.length - 4, 4, StandardCharsets.US_ASCII))
                .isEqualTo("PAR1");
        long deadline = System.currentTimeMillis() + 5_000;
        while (!leftovers().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(leftovers()).as("temporary export folders left behind").isEmpty();
    }

    @Test
    void unknownRunOrTable_is404WithAJsonError_namesNeverReachFiles() throws Exception {
        HttpResponse<String> noRun = server.get("/api/runs/nosuchrun/tables/kpis.csv");
        assertThat(noRun.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(noRun.body()).get("error").asText()).contains("nosuchrun");

        for (String name : List.of("runs.csv", "kpis.xlsx", "kpis", "KPIS.csv", "kpis.csv.csv")) {
            HttpResponse<String> r = server.get("/api/runs/" + runId + "/tables/" + name);
            assertThat(r.statusCode()).as(name).isEqualTo(404);
            assertThat(JSON.readTree(r.body()).get("error").asText()).as(name).contains("the tables are");
        }
        // Encoded separators and dots: refused by Jetty (400) or by the name check (404), never a file.
        for (String name : List.of("..%2f..%2fpom.xml", "..%2fgigawatt.duckdb", "%2e%2e.csv", "kpis.csv%00.xml")) {
            HttpResponse<String> r = server.get("/api/runs/" + runId + "/tables/" + name);
            assertThat(r.statusCode()).as(name).isIn(400, 404);
            assertThat(r.body()).as(name).doesNotContain("<modelVersion>").doesNotContain("scenario_text");
        }
    }

    /** Rows of {@code table} for the run, counted by the query endpoint. */
    private static long count(String table) throws Exception {
        HttpResponse<String> r =
                server.post("/api/query", "SELECT count(*) FROM " + table + " WHERE run_id = '" + runId + "'");
        return JSON.readTree(r.body()).get("rows").get(0).get(0).asLong();
    }

    private static List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("gigawatt-export-"))
                    .toList();
        }
    }
}
