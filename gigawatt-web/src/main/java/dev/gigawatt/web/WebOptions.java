package dev.gigawatt.web;

import java.nio.file.Path;
import java.util.List;

/**
 * How {@code gigawatt serve} runs: where it listens, which database and examples it serves, who may
 * use it and how many simulations run at once.
 *
 * @param bind the address to listen on; anything but loopback needs a {@code token}
 * @param port the TCP port, 0 for any free one
 * @param db the results database, shared with the CLI
 * @param examples the folder of example scenarios the page may open, or null for none
 * @param token the secret every request must carry, or null (loopback only)
 * @param simulations most simulations and sweeps running at once; the others wait in a queue
 * @param catalogs user catalog files (YAML) that extend the built-in catalog, later ones overriding
 *     earlier entries of the same name, as {@code --catalog} does for {@code plan} and {@code simulate}
 */
public record WebOptions(
        String bind, int port, Path db, Path examples, String token, int simulations, List<Path> catalogs) {
    /** Options with the built-in catalog only. */
    public WebOptions(String bind, int port, Path db, Path examples, String token, int simulations) {
        this(bind, port, db, examples, token, simulations, List.of());
    }

    /** The defaults of {@code gigawatt serve}: loopback, port 8080, one simulation per core. */
    public static WebOptions defaults(Path db) {
        return new WebOptions(
                "127.0.0.1",
                8080,
                db,
                Path.of("examples"),
                null,
                Runtime.getRuntime().availableProcessors());
    }

    /** Checks the ranges; a non-loopback bind without a token is refused by {@link WebServer#start}. */
    public WebOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be 0 to 65535, got " + port);
        }
        if (simulations < 1) {
            throw new IllegalArgumentException("--simulations must be at least 1, got " + simulations);
        }
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("--token must not be empty");
        }
        catalogs = List.copyOf(catalogs);
    }

    /** The same options on another port. */
    public WebOptions withPort(int newPort) {
        return new WebOptions(bind, newPort, db, examples, token, simulations, catalogs);
    }

    /** The same options with another token. */
    public WebOptions withToken(String newToken) {
        return new WebOptions(bind, port, db, examples, newToken, simulations, catalogs);
    }

    /** The same options with these user catalog files. */
    public WebOptions withCatalogs(List<Path> files) {
        return new WebOptions(bind, port, db, examples, token, simulations, files);
    }

    /** The same options listening on another address. */
    public WebOptions withBind(String newBind) {
        return new WebOptions(newBind, port, db, examples, token, simulations, catalogs);
    }
}
