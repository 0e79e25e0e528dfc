package dev.gigawatt.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code gigawatt completion}: prints a bash/zsh completion script generated from the commands' own definitions. */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = "Print a bash (and zsh) completion script: source <(gigawatt completion).")
final class CompletionCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine()
                .getOut()
                .print(AutoComplete.bash("gigawatt", spec.root().commandLine()));
        return 0;
    }
}
