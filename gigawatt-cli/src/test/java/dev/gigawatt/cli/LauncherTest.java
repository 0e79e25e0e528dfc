package dev.gigawatt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./gigawatt} launcher, run by bash in a copy of the tree's layout with stand-ins for
 * {@code mvn} (notes that it was asked to build) and {@code java} (prints its arguments): it
 * rebuilds exactly when a build file, source or resource is newer than the jar.
 */
class LauncherTest {
    // Times before the test run, read once when the class loads: older than any file a test writes.
    @SuppressWarnings("TimeInStaticInitializer")
    private static final FileTime OLD = FileTime.from(Instant.now().minusSeconds(7200));

    @SuppressWarnings("TimeInStaticInitializer")
    private static final FileTime JAR = FileTime.from(Instant.now().minusSeconds(3600));

    @TempDir
    Path tree;

    private Path jar;

    @BeforeEach
    void layOutTheTree() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Files.copy(Path.of("../gigawatt"), tree.resolve("gigawatt"));
        write("pom.xml", "<project/>");
        for (String module : List.of("core", "results", "optimize", "web", "cli")) {
            write("gigawatt-" + module + "/pom.xml", "<project/>");
            write("gigawatt-" + module + "/src/main/java/A.java", "class A {}");
        }
        write("gigawatt-results/src/main/resources/report.html", "<html></html>");
        write("gigawatt-core/src/main/resources/catalog/accelerators.yaml", "a: 1");
        write("schema/scenario.schema.json", "{}");
        write("bin/mvn", "#!/bin/sh\necho build >> \"$(dirname \"$0\")/../mvn.log\"\n");
        write("bin/java", "#!/bin/sh\necho \"java $*\"\n");
        for (String tool : List.of("bin/mvn", "bin/java")) {
            Files.setPosixFilePermissions(tree.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        try (Stream<Path> all = Files.walk(tree)) {
            for (Path p : all.toList()) {
                Files.setLastModifiedTime(p, OLD);
            }
        }
        jar = write("gigawatt-cli/target/gigawatt.jar", "jar");
        Files.setLastModifiedTime(jar, JAR);
    }

    private Path write(String name, String text) throws IOException {
        Path p = tree.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    /** Runs {@code ./gigawatt --version}; returns true when it asked Maven to build first. */
    private boolean launchBuilds() throws Exception {
        Files.deleteIfExists(tree.resolve("mvn.log"));
        ProcessBuilder pb = new ProcessBuilder(
                        "/bin/bash", tree.resolve("gigawatt").toString(), "--version")
                .redirectErrorStream(true);
        pb.environment().put("PATH", tree.resolve("bin") + ":/usr/bin:/bin");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("java -jar " + jar + " --version");
        return Files.exists(tree.resolve("mvn.log"));
    }

    @Test
    void nothingNewerThanTheJar_runsItWithoutBuilding() throws Exception {
        assertThat(launchBuilds()).isFalse();
    }

    @Test
    void aChangedResourceSchemaOrBuildFile_rebuilds() throws Exception {
        for (String changed : List.of(
                "gigawatt-results/src/main/resources/report.html",
                "gigawatt-core/src/main/resources/catalog/accelerators.yaml",
                "schema/scenario.schema.json",
                "gigawatt-web/pom.xml",
                "gigawatt-optimize/src/main/java/A.java")) {
            Files.setLastModifiedTime(tree.resolve(changed), FileTime.from(Instant.now()));

            assertThat(launchBuilds()).as(changed).isTrue();

            Files.setLastModifiedTime(tree.resolve(changed), OLD);
        }
    }

    @Test
    void aRemovedSourceFile_rebuilds() throws Exception {
        Files.delete(tree.resolve("gigawatt-cli/src/main/java/A.java"));

        assertThat(launchBuilds()).isTrue();
    }

    @Test
    void noJar_builds() throws Exception {
        Files.delete(jar);

        assertThat(launchBuilds()).isTrue();
    }

    /** Runs {@code ./gigawatt args} with {@code GIGAWATT_JAVA_OPTS} set to {@code opts} (null: unset); returns its output. */
    private String launch(String opts, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(
                List.of("/bin/bash", tree.resolve("gigawatt").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", tree.resolve("bin") + ":/usr/bin:/bin");
        pb.environment().remove("GIGAWATT_JAVA_OPTS");
        if (opts != null) {
            pb.environment().put("GIGAWATT_JAVA_OPTS", opts);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void sweep_withoutJavaOpts_getsTheParallelCollectorAndAHeapCap() throws Exception {
        assertThat(launch(null, "sweep", "s.yaml"))
                .isEqualTo("java -XX:+UseParallelGC -Xmx768m -jar " + jar + " sweep s.yaml\n");
    }

    @Test
    void oneRunCommands_withoutJavaOpts_getTheSerialCollector_othersTheJvmDefault() throws Exception {
        assertThat(launch(null, "simulate", "s.yaml"))
                .isEqualTo("java -XX:+UseSerialGC -jar " + jar + " simulate s.yaml\n");
        assertThat(launch(null, "plan", "s.yaml")).isEqualTo("java -XX:+UseSerialGC -jar " + jar + " plan s.yaml\n");
        assertThat(launch(null, "serve")).isEqualTo("java -jar " + jar + " serve\n");
        assertThat(launch(null, "--version")).isEqualTo("java -jar " + jar + " --version\n");
        assertThat(launch("", "simulate", "s.yaml")).isEqualTo("java -jar " + jar + " simulate s.yaml\n");
    }

    @Test
    void sweep_withJavaOpts_evenEmpty_usesThemInstead() throws Exception {
        assertThat(launch("-Xmx4g", "sweep", "s.yaml")).isEqualTo("java -Xmx4g -jar " + jar + " sweep s.yaml\n");
        assertThat(launch("", "sweep", "s.yaml")).isEqualTo("java -jar " + jar + " sweep s.yaml\n");
    }
}
