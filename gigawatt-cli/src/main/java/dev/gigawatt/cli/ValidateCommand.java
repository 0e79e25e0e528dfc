package dev.gigawatt.cli;

import dev.gigawatt.scenario.Scenario;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code gigawatt validate FILE}: checks a scenario and reports every problem at once. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Check a scenario file and report every problem with its path and line.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Scenario s = scenario.read();
        long accelerators = s.fleet().stream().mapToLong(d -> d.count()).sum();
        spec.commandLine()
                .getOut()
                .printf(
                        java.util.Locale.ROOT,
                        "%s: ok (%d sites, %,d accelerators in %d deployments, %d training jobs, %d inference services)%n",
                        scenario.file,
                        s.sites().size(),
                        accelerators,
                        s.fleet().size(),
                        s.training().size(),
                        s.inference().size());
        return 0;
    }
}
