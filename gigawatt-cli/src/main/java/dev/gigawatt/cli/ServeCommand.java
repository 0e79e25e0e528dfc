package dev.gigawatt.cli;

import dev.gigawatt.web.WebOptions;
import dev.gigawatt.web.WebServer;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gigawatt serve}: the web application and its JSON API, until Ctrl-C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the web application (scenario editor with live validation and plan, runs and reports) and its"
                    + " JSON API (docs/web.md) until Ctrl-C.",
            "Listens on loopback only unless --bind says otherwise, which needs --token."
        })
final class ServeCommand extends StoreCommand {
    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}); any other than loopback needs --token.")
    String bind;

    @Option(
            names = "--token",
            paramLabel = "SECRET",
            description =
                    "A secret every request must carry (?token= or 'Authorization: Bearer'); needed off loopback.")
    String token;

    @Option(
            names = "--simulations",
            paramLabel = "N",
            description = "Simulations run at once; more wait in a queue (default: the number of cores).")
    Integer simulations;

    @Option(
            names = "--examples",
            paramLabel = "DIR",
            defaultValue = "examples",
            description = "Folder of example scenarios the page can open (default: ${DEFAULT-VALUE}).")
    Path examples;

    @Option(
            names = "--catalog",
            paramLabel = "FILE",
            description = "Extra catalog file (YAML) for the scenarios the page validates, plans and simulates; may be"
                    + " repeated. Entries override built-ins of the same name.")
    List<Path> catalogs = new ArrayList<>();

    @Override
    public Integer call() {
        WebOptions options;
        try {
            options = new WebOptions(
                    bind,
                    port,
                    db.db,
                    examples,
                    token,
                    simulations != null ? simulations : Runtime.getRuntime().availableProcessors(),
                    catalogs);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), GigawattCli.EXIT_BAD_INPUT);
        }
        WebServer server = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread onCtrlC = new Thread(
                () -> {
                    server.close();
                    stopped.countDown();
                },
                "gigawatt-serve-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        PrintWriter out = spec.commandLine().getOut();
        out.println("gigawatt serving " + server.url());
        out.flush();
        PrintWriter info = GigawattCli.info(spec);
        info.println("Results database " + db.db + "; " + server.simulations() + " simulations at once; Ctrl-C stops.");
        info.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Embedded (tests): stop as Ctrl-C would.
            Runtime.getRuntime().removeShutdownHook(onCtrlC);
            server.close();
        }
        return 0;
    }

    private static WebServer start(WebOptions options) {
        try {
            return WebServer.start(options);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), GigawattCli.EXIT_BAD_INPUT);
        } catch (RuntimeException e) {
            if (bindFailure(e)) {
                throw new UserException(
                        "cannot listen on " + options.bind() + ":" + options.port()
                                + " (in use, or not an address of this machine); choose another --port or --bind",
                        1);
            }
            throw e;
        }
    }

    private static boolean bindFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
