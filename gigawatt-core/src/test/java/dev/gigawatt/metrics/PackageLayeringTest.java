package dev.gigawatt.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Packages import one way: the engines and their KPIs never reach up into the output package. */
class PackageLayeringTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/gigawatt");

    @ParameterizedTest
    @CsvSource({"sweep, report", "metrics, report", "sim, report", "plan, report", "model, plan", "model, sim"})
    void packageDoesNotImport(String from, String to) throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.list(SOURCES.resolve(from))) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> {
                        try {
                            return Files.readString(f).contains("import dev.gigawatt." + to + ".");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .map(f -> f.getFileName().toString())
                    .toList();
        }
        assertThat(offenders).as("%s importing %s", from, to).isEmpty();
    }
}
