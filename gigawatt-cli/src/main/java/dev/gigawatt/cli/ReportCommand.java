package dev.gigawatt.cli;

import dev.gigawatt.results.HtmlReport;
import dev.gigawatt.results.ResultsStore;
import dev.gigawatt.results.RunSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gigawatt report ID}: writes a run's self-contained HTML report. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Write the self-contained HTML report of a recorded run.")
final class ReportCommand extends StoreCommand {
    @Parameters(paramLabel = "ID", description = "Run id (or a unique prefix).")
    String id;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Where to write it (default: reports/<id>.html beside the database); an existing file is"
                    + " refused unless --force.")
    Path out;

    @Option(names = "--force", description = "Replace the file at --out if it exists.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        try (ResultsStore store = db.open(true)) {
            RunSummary r = RunsCommand.find(store, id);
            if ("partial".equals(r.status())) {
                throw new UserException(
                        "run " + r.runId() + " is a partial sweep (stopped before it finished): complete it with"
                                + " gigawatt sweep " + r.scenarioFile() + " --resume " + r.runId(),
                        GigawattCli.EXIT_BAD_INPUT);
            }
            // The default place holds the report of this very run: rewriting it is what the command is for.
            boolean replace = force || out == null;
            Path target = out != null ? out : Recorder.reportsNextTo(db.db).resolve(r.runId() + ".html");
            try (Staging staging = new Staging()) {
                Path temp = staging.file(target, replace, "--out");
                Files.writeString(temp, HtmlReport.render(store, r.runId()), StandardCharsets.UTF_8);
                staging.commit();
            }
            spec.commandLine().getOut().println("Report: " + target);
        }
        return 0;
    }
}
