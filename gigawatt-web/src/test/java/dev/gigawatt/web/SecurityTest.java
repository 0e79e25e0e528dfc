package dev.gigawatt.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the server refuses: other machines, other sites, missing tokens, large bodies, writes and other files. */
class SecurityTest {
    @TempDir
    static Path folder;

    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(folder);
        // A database to query: one recorded run.
        String id = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(server.post("/api/simulate", RunsApiTest.MONTH).body())
                .get("id")
                .asText();
        server.events("/api/simulations/" + id + "/events");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void defaults_bindToLoopback() {
        assertThat(WebOptions.defaults(Path.of("x.duckdb")).bind()).isEqualTo("127.0.0.1");
        assertThat(Access.isLoopback("127.0.0.1")).isTrue();
        assertThat(Access.isLoopback("::1")).isTrue();
        assertThat(Access.isLoopback("0.0.0.0")).isFalse();
    }

    @Test
    void loopbackServer_isNotReachableOnTheMachinesOtherAddresses() throws IOException {
        Optional<InetAddress> other = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(other.isPresent(), "this machine has no non-loopback address");
        try (Socket s = new Socket()) {
            assertThatThrownBy(() -> s.connect(new InetSocketAddress(other.get(), server.server.port()), 2000))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void nonLoopbackBind_withoutToken_isRefusedBeforeListening() {
        WebOptions options = new WebOptions("0.0.0.0", 0, folder.resolve("db.duckdb"), null, null, 1);

        assertThatThrownBy(() -> WebServer.start(options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--token");
    }

    @Test
    void token_isNeededByEveryRequest_apiAndPage() {
        try (TestServer locked = new TestServer(folder.resolve("locked"), "s3cret-token")) {
            HttpResponse<String> none =
                    locked.send(HttpRequest.newBuilder(java.net.URI.create(locked.base + "/api/runs"))
                            .build());
            HttpResponse<String> wrong =
                    locked.send(HttpRequest.newBuilder(java.net.URI.create(locked.base + "/?token=guess"))
                            .build());
            HttpResponse<String> page =
                    locked.send(HttpRequest.newBuilder(java.net.URI.create(locked.base + "/?token=s3cret-token"))
                            .build());

            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.body()).contains("token");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(locked.get("/api/runs").statusCode()).isEqualTo(200); // Authorization: Bearer
            assertThat(locked.server.url()).endsWith("/?token=s3cret-token");

            // The page's own files come without ?token=: the cookie the page's answer set carries it.
            String cookie = page.headers().firstValue("Set-Cookie").orElse("");
            assertThat(cookie).startsWith("gigawatt-token=s3cret-token;").contains("HttpOnly", "SameSite=Strict");
            assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
            for (String[] c :
                    new String[][] {{"gigawatt-token=s3cret-token", "200"}, {"gigawatt-token=guess", "401"}}) {
                HttpResponse<String> script =
                        locked.send(HttpRequest.newBuilder(java.net.URI.create(locked.base + "/app.js"))
                                .header("Cookie", c[0])
                                .build());
                assertThat(script.statusCode()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
            }
            assertThat(locked.send(HttpRequest.newBuilder(java.net.URI.create(locked.base + "/app.css"))
                                    .build())
                            .statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void otherHostName_isRefused_againstDnsRebinding() throws IOException {
        String response = raw("GET /api/runs HTTP/1.1\r\nHost: attacker.example:" + server.server.port()
                + "\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 403");
    }

    @Test
    void crossOriginPost_isRefused() {
        HttpResponse<String> r = server.send(server.request("/api/simulate")
                .header("Origin", "http://attacker.example")
                .POST(HttpRequest.BodyPublishers.ofString(RunsApiTest.MONTH))
                .build());

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("cross-origin");
    }

    @Test
    void oversizedBody_isRefusedWith413_beforeItIsRead() throws IOException {
        // Only the headers go out: the server must answer from the declared length alone. (Sending the
        // 4 MiB as well races the server's close against the client's write and fails at random.)
        for (String path : new String[] {"/api/validate", "/api/plan", "/api/query", "/api/simulate"}) {
            String response = raw("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.server.port()
                    + "\r\nContent-Type: text/plain\r\nContent-Length: " + (Bodies.MAX_BYTES + 1)
                    + "\r\nConnection: close\r\n\r\n");

            assertThat(response).as(path).startsWith("HTTP/1.1 413").contains("larger than 4 MiB");
        }
    }

    @Test
    void query_cannotWriteFilesOrReadOthers() {
        Path target = folder.resolve("leak.csv");

        HttpResponse<String> copy =
                server.post("/api/query", "COPY (SELECT * FROM runs) TO '" + target.toAbsolutePath() + "'");
        HttpResponse<String> read = server.post("/api/query", "SELECT * FROM read_text('/etc/passwd')");
        HttpResponse<String> write = server.post("/api/query", "DELETE FROM runs");
        HttpResponse<String> attach = server.post(
                "/api/query", "ATTACH '" + folder.resolve("other.duckdb").toAbsolutePath() + "'");

        assertThat(copy.statusCode()).isEqualTo(400);
        assertThat(Files.exists(target)).isFalse();
        assertThat(read.statusCode()).isEqualTo(400);
        assertThat(read.body()).doesNotContain("root:");
        assertThat(write.statusCode()).isEqualTo(400);
        assertThat(attach.statusCode()).isEqualTo(400);
        assertThat(Files.exists(folder.resolve("other.duckdb"))).isFalse();
        assertThat(server.post("/api/query", "SELECT count(*) AS n FROM runs").statusCode())
                .isEqualTo(200);
    }

    @Test
    void noRequestPath_readsOutsideTheDatabaseAndExamples() throws IOException {
        String[] paths = {
            "/../pom.xml",
            "/%2e%2e/%2e%2e/pom.xml",
            "/..%2f..%2fpom.xml",
            "/_static/..%2f..%2f..%2fpom.xml",
            "/_static/at/codemirror/view/6.41.0/dist/../../../../../../../../etc/passwd",
            "/_static/dev/gigawatt/web/WebServer.class",
            "/_static/simplelogger.properties",
            "/api/examples/..%2fpom.xml",
            "/api/examples/sweeps",
            "/api/examples/..%2f..%2fetc%2fpasswd",
            "/api/runs/..%2f..%2fetc%2fpasswd/report",
            "/api/runs/x/tables/..%2f..%2fpom.xml",
            "/api/runs/x/tables/..%2f..%2f..%2fpom.xml.csv",
            "/dev/gigawatt/web/openapi.json",
            "/simplelogger.properties",
            "/META-INF/MANIFEST.MF",
        };
        for (String path : paths) {
            String response = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(response).as(path).doesNotStartWith("HTTP/1.1 200");
            assertThat(response).as(path).doesNotContain("root:").doesNotContain("<modelVersion>");
        }
        assertThat(server.get("/api/examples").body())
                .contains("quickstart.yaml")
                .doesNotContain("sweeps");
        assertThat(server.get("/api/examples/quickstart.yaml").statusCode()).isEqualTo(200);
    }

    /** Sends {@code request} as it is (the JDK client will not send a made-up Host) and returns the answer. */
    private static String raw(String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), server.server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
