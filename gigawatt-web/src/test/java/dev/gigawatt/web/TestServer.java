package dev.gigawatt.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server on an ephemeral loopback port, over a fresh database and the repository's examples. Made with
 * a folder it starts at once; {@link #perClass()} makes one that a test class registers as an extension
 * ({@code @RegisterExtension static final TestServer server = TestServer.perClass();}), started before its
 * first test over a new temporary folder and stopped, with the folder removed, after its last.
 */
final class TestServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    /** The repository's examples folder (tests run in the module folder). */
    static final Path EXAMPLES = Path.of("..", "examples");

    WebServer server;
    Path db;
    String base;
    private String token;
    private Path ownFolder;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private TestServer() {}

    TestServer(Path folder) {
        this(folder, (String) null);
    }

    TestServer(Path folder, String token) {
        this(folder, token, 2);
    }

    /** A server that runs at most {@code simulations} simulations and sweeps at once. */
    TestServer(Path folder, String token, int simulations) {
        this(folder, options(folder, token, simulations));
    }

    /** A server with {@code options} (its database, token and port as given). */
    TestServer(Path folder, WebOptions options) {
        start(options);
    }

    /** A server for every test of a class: register it with {@code @RegisterExtension}. */
    static TestServer perClass() {
        return new TestServer();
    }

    private static WebOptions options(Path folder, String token, int simulations) {
        return new WebOptions("127.0.0.1", 0, folder.resolve("gigawatt.duckdb"), EXAMPLES, token, simulations);
    }

    private void start(WebOptions options) {
        this.db = options.db();
        this.token = options.token();
        this.server = WebServer.start(options);
        this.base = "http://127.0.0.1:" + server.port();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        ownFolder = Files.createTempDirectory("gigawatt-web-test");
        start(options(ownFolder, null, 2));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
        try (Stream<Path> paths = Files.walk(ownFolder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static String example(String name) {
        try {
            return Files.readString(EXAMPLES.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The client the other methods send with. */
    HttpClient client() {
        return client;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String body) {
        return send(request(path)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads a Server-Sent Events stream to its end: each event as [name, data]. */
    List<String[]> events(String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = client.send(
                request(path).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (!r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            throw new AssertionError("not an event stream: " + r.headers());
        }
        List<String[]> events = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String event = null;
            StringBuilder data = new StringBuilder();
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                } else if (line.isEmpty() && event != null) {
                    events.add(new String[] {event, data.toString()});
                    event = null;
                    data.setLength(0);
                }
            }
        }
        return events;
    }

    @Override
    public void close() {
        server.close();
    }
}
