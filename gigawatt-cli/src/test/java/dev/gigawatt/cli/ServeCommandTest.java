package dev.gigawatt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gigawatt serve}, black-box: it prints its URL, answers as the CLI does, and refuses what it must. */
class ServeCommandTest {
    private static final Path QUICKSTART = Path.of("..", "examples", "quickstart.yaml");

    @TempDir
    Path tmp;

    @Test
    void serve_printsItsUrl_andAnswersValidateAndPlanAsTheCliPrintsThem() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Thread serve = new Thread(() -> GigawattCli.run(
                new PrintWriter(out),
                new PrintWriter(err),
                "serve",
                "--port",
                "0",
                "--db",
                tmp.resolve("g.duckdb").toString()));
        serve.start();
        try {
            String base = awaitUrl(out);
            assertThat(base).startsWith("http://127.0.0.1:");
            HttpClient http = HttpClient.newHttpClient();

            String yaml = Files.readString(QUICKSTART, StandardCharsets.UTF_8);
            HttpResponse<String> plan = http.send(
                    HttpRequest.newBuilder(URI.create(base + "api/plan"))
                            .POST(HttpRequest.BodyPublishers.ofString(yaml))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(plan.body())
                    .isEqualTo(CliRun.withoutDb("plan", QUICKSTART.toString(), "--format", "json")
                            .out());

            Path bad = tmp.resolve("bad.yaml");
            Files.writeString(bad, yaml.replace("capacity: \"100 MW\"", "capacity: \"-5 MW\""));
            HttpResponse<String> problems = http.send(
                    HttpRequest.newBuilder(URI.create(base + "api/validate?name=bad.yaml"))
                            .POST(HttpRequest.BodyPublishers.ofString(Files.readString(bad)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            CliRun cli = CliRun.of("validate", bad.toString());
            String cliLine = cli.err()
                    .lines()
                    .filter(l -> l.startsWith("  "))
                    .findFirst()
                    .orElseThrow();
            assertThat(cliLine.trim()).startsWith(bad + ":15: sites[0].capacity:");
            String message = cliLine.trim().substring(bad.toString().length());
            assertThat(problems.body()).contains("\"text\" : \"bad.yaml" + message.replace("\"", "\\\"") + "\"");
        } finally {
            serve.interrupt();
            serve.join(20_000);
        }
        assertThat(serve.isAlive()).isFalse();
        assertThat(err.toString()).contains("Ctrl-C stops");
    }

    @Test
    void serve_nonLoopbackBindWithoutToken_isRefused_exit2() {
        CliRun r = CliRun.of(
                "serve",
                "--bind",
                "0.0.0.0",
                "--port",
                "0",
                "--db",
                tmp.resolve("g.duckdb").toString());

        assertThat(r.exitCode()).isEqualTo(GigawattCli.EXIT_BAD_INPUT);
        assertThat(r.err())
                .contains("error: --bind 0.0.0.0 is reachable from other machines")
                .contains("--token");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void serve_badPort_isRefused_exit2() {
        CliRun r = CliRun.of("serve", "--port", "70000");

        assertThat(r.exitCode()).isEqualTo(GigawattCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--port must be 0 to 65535, got 70000");
    }

    @Test
    void serve_catalogFileWithProblems_isRefusedWithThem_exit2() throws Exception {
        Path bad = tmp.resolve("bad-grids.yaml");
        Files.writeString(bad, "grids:\n  - name: X\n");

        CliRun r = CliRun.of(
                "serve",
                "--port",
                "0",
                "--catalog",
                bad.toString(),
                "--db",
                tmp.resolve("g.duckdb").toString());

        assertThat(r.exitCode()).isEqualTo(GigawattCli.EXIT_BAD_INPUT);
        assertThat(r.err()).startsWith("error: " + bad + " has ").contains("  " + bad + ":2: grids[0].");
    }

    private static String awaitUrl(StringWriter out) throws InterruptedException {
        Pattern url = Pattern.compile("(http://\\S+/)");
        for (int i = 0; i < 300; i++) {
            Matcher m = url.matcher(out.toString());
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve printed no URL: " + out);
    }
}
