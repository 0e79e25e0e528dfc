package dev.gigawatt.cli;

import dev.gigawatt.scenario.Scenario;
import java.util.Locale;
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
        String summary = String.join(
                ", ",
                plural(s.sites().size(), "site"),
                String.format(
                        Locale.ROOT,
                        "%,d accelerators in %s",
                        accelerators,
                        plural(s.fleet().size(), "deployment")),
                plural(s.training().size(), "training job"),
                plural(s.inference().size(), "inference service"));
        spec.commandLine().getOut().println(Inputs.name(scenario.file) + ": ok (" + summary + ")");
        return 0;
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
