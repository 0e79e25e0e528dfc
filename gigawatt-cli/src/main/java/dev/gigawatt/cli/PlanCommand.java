package dev.gigawatt.cli;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.report.PlanJson;
import dev.gigawatt.report.PlanText;
import dev.gigawatt.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gigawatt plan FILE}: the analytic planner. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = "Answer what a plan needs, draws, emits and costs, in closed form (instant).")
final class PlanCommand implements Callable<Integer> {
    /** Output formats. */
    enum OutputFormat {
        table,
        json,
        markdown
    }

    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            defaultValue = "table")
    OutputFormat format;

    @picocli.CommandLine.Mixin
    RecordOptions record = new RecordOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Instant started = Instant.now();
        Scenario s = scenario.read();
        try (Recorder recorder = Recorder.prepare(record, null, null, false)) {
            Plan plan = new Planner(Assumptions.builtIn()).plan(s);
            String text =
                    switch (format) {
                        case table -> PlanText.table(plan);
                        case json -> PlanJson.write(plan);
                        case markdown -> PlanText.markdown(plan);
                    };
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            // Data on stdout; where the run was recorded and its report, on stderr.
            PrintWriter info = GigawattCli.info(spec);
            if (!record.noDb) {
                info.println();
            }
            recorder.record(
                    scenario.file,
                    scenario.text,
                    started,
                    (store, run, beforeCommit) -> store.recordPlan(run, s, plan, beforeCommit),
                    info);
            info.flush();
        }
        return 0;
    }
}
