package dev.gigawatt.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that reads or writes the results database ({@code --db PATH}); picocli finds the fields here. */
abstract class StoreCommand implements Callable<Integer> {
    @Mixin
    DbOptions db = new DbOptions();

    @Spec
    CommandSpec spec;
}
