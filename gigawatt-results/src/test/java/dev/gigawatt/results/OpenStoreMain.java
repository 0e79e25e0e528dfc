package dev.gigawatt.results;

import java.nio.file.Path;

/** Opens the results database named by its argument for writing, in a JVM of its own, for kill tests. */
final class OpenStoreMain {
    private OpenStoreMain() {}

    public static void main(String[] args) {
        System.out.println("opening " + args[0]);
        System.out.flush();
        ResultsStore.open(Path.of(args[0]), false).close();
        System.out.println("opened");
    }
}
