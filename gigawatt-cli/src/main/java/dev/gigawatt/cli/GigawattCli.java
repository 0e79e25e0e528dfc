package dev.gigawatt.cli;

import dev.gigawatt.input.InputException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code gigawatt} command: plans and simulates hyperscale AI infrastructure. */
@Command(
        name = "gigawatt",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Plans and simulates hyperscale AI infrastructure: fleet, power, carbon, reliability and cost.",
        subcommands = {
            ValidateCommand.class,
            PlanCommand.class,
            OptimizeCommand.class,
            SimulateCommand.class,
            SweepCommand.class,
            ImportCommand.class,
            BenchCommand.class,
            RunsCommand.class,
            CompareCommand.class,
            QueryCommand.class,
            ReportCommand.class,
            CatalogCommand.class,
            CompletionCommand.class,
            ManCommand.class,
            CalibrationCommand.class,
            ServeCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure", "2:bad input (invalid scenario, unknown option)"})
public final class GigawattCli implements Runnable {
    /** Exit code for bad input: invalid files, unknown options or names. */
    public static final int EXIT_BAD_INPUT = 2;

    private static final String OUT_OF_MEMORY = "error: out of memory (the JVM may use at most "
            + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB); try a smaller scenario (a shorter horizon,"
            + " fewer sites, jobs or sweep points) or give Java more memory, e.g. GIGAWATT_JAVA_OPTS=-Xmx16g";

    @Option(
            names = "--verbose",
            description = "Print stack traces of unexpected errors.",
            scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print only the data and errors: no progress bar, no run or report lines.",
            scope = CommandLine.ScopeType.INHERIT)
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where a command says what it did (run recorded, report written): stderr, or nowhere with --quiet. */
    static PrintWriter info(CommandLine.Model.CommandSpec spec) {
        if (quiet(spec)) {
            return new PrintWriter(Writer.nullWriter());
        }
        return spec.commandLine().getErr();
    }

    /** True when the user asked for --quiet. */
    static boolean quiet(CommandLine.Model.CommandSpec spec) {
        return spec.root().userObject() instanceof GigawattCli cli && cli.quiet;
    }

    public static void main(String[] args) {
        // The platform's charset, as System.out and System.err use on JDK 17.
        Charset charset = Charset.defaultCharset();
        System.exit(run(
                new PrintWriter(new OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new OutputStreamWriter(System.err, charset), true),
                args));
    }

    /** Runs the CLI with the given streams and returns the exit code (for tests and embedding). */
    public static int run(PrintWriter rawOut, PrintWriter rawErr, String... args) {
        PrintWriter out = new PrintWriter(new PrintableWriter(rawOut), true);
        PrintWriter err = new PrintWriter(new PrintableWriter(rawErr), true);
        GigawattCli root = new GigawattCli();
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionStrategy(parseResult -> {
            if (root.quiet && root.verbose) {
                throw new CommandLine.ParameterException(
                        parseResult.commandSpec().commandLine(), "--quiet and --verbose cannot be used together");
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(
                    ex, ex.getCommandLine().getErr());
            ex.getCommandLine()
                    .getErr()
                    .println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof InputException input) {
                e.println("error: " + input.fileName() + " has "
                        + input.problems().size() + (input.problems().size() == 1 ? " problem:" : " problems:"));
                input.problems().forEach(p -> e.println("  " + p.render(input.fileName())));
                return EXIT_BAD_INPUT;
            }
            if (ex instanceof UserException user) {
                e.println("error: " + user.getMessage());
                return user.exitCode();
            }
            if (outOfMemory(ex)) {
                e.println(OUT_OF_MEMORY);
                return 1;
            }
            e.println("error: " + ex);
            if (root.verbose) {
                ex.printStackTrace(e);
            } else {
                e.println("(run with --verbose for the stack trace)");
            }
            return 1;
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (Error e) {
            // picocli passes only Exceptions to the handler above; an Error thrown by a command ends up here.
            out.flush();
            if (outOfMemory(e)) {
                err.println(OUT_OF_MEMORY);
            } else {
                err.println("error: " + e);
                if (root.verbose) {
                    e.printStackTrace(err);
                } else {
                    err.println("(run with --verbose for the stack trace)");
                }
            }
            code = 1;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** True when {@code t} or one of its causes is an {@link OutOfMemoryError}. */
    static boolean outOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }
}
