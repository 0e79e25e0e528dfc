package dev.gigawatt.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * What one in-process run of the CLI returned and printed: the harness of every black-box CLI test.
 *
 * @param exitCode the exit code the command would end the process with
 * @param out what it printed on stdout
 * @param err what it printed on stderr
 */
record CliRun(int exitCode, String out, String err) {
    /** Runs {@code gigawatt ARGS} in this JVM with captured streams. */
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GigawattCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * Like {@link #of}, but {@code plan}, {@code simulate} and {@code optimize} get {@code --no-db}: no
     * results database in the tree.
     */
    static CliRun withoutDb(String... args) {
        boolean records =
                args.length > 0 && (args[0].equals("plan") || args[0].equals("simulate") || args[0].equals("optimize"));
        return of(
                records
                        ? Stream.concat(Arrays.stream(args), Stream.of("--no-db"))
                                .toArray(String[]::new)
                        : args);
    }
}
