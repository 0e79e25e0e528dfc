package dev.gigawatt.cli;

import dev.gigawatt.input.InputException;
import java.io.PrintWriter;
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
            SimulateCommand.class,
            SweepCommand.class,
            BenchCommand.class,
            RunsCommand.class,
            CompareCommand.class,
            QueryCommand.class,
            ReportCommand.class,
            CatalogCommand.class,
            CalibrationCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure", "2:bad input (invalid scenario, unknown option)"})
public final class GigawattCli implements Runnable {
    /** Exit code for bad input: invalid files, unknown options or names. */
    public static final int EXIT_BAD_INPUT = 2;

    @Option(
            names = "--verbose",
            description = "Print stack traces of unexpected errors.",
            scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI with the given streams and returns the exit code (for tests and embedding). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        GigawattCli root = new GigawattCli();
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
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
            e.println("error: " + ex);
            if (root.verbose) {
                ex.printStackTrace(e);
            } else {
                e.println("(run with --verbose for the stack trace)");
            }
            return 1;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
