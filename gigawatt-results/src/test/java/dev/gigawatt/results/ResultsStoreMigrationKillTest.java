package dev.gigawatt.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration killed with SIGKILL inside its transaction (the hook {@code
 * gigawatt.store.pauseInMigrationMillis} holds it open) leaves the database at its old version.
 */
class ResultsStoreMigrationKillTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void open_killedWhileMigrating_leavesVersionOneIntact() throws Exception {
        Path db = dir.resolve("db.duckdb");
        try (InputStream in = getClass().getResourceAsStream("schema-v1-database.sql");
                Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
                Statement s = c.createStatement()) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Path log = dir.resolve("child.log");
        Process p = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dgigawatt.store.pauseInMigrationMillis=60000",
                        OpenStoreMain.class.getName(),
                        db.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(log).contains("opening")) {
                assertThat(p.isAlive()).as(Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("no 'opening' within 30 s").isLessThan(deadline);
                Thread.sleep(100);
            }
            // Opening and migrating a small database takes well under a second; then it sleeps in the transaction.
            Thread.sleep(2_500);
            assertThat(p.isAlive()).as("still inside the migration").isTrue();
            p.destroyForcibly(); // SIGKILL on Linux: no rollback, no shutdown hooks
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(Files.readString(log)).doesNotContain("opened");

        try (StoreConnection c = StoreConnection.open(db, true, new Properties())) {
            assertThat(SchemaMigrations.version(c.jdbc())).isEqualTo(1);
            assertThat(SchemaMigrations.columns(c.jdbc(), "schema_version")).isEmpty();
            assertThat(SchemaMigrations.columns(c.jdbc(), "jobs")).doesNotContain("useful_gpu_hours");
        }
        try (ResultsStore store = ResultsStore.open(db, false)) {
            assertThat(store.query("SELECT max(version) FROM schema_version").rows())
                    .containsExactly(List.of("2"));
            assertThat(store.runs()).extracting(RunSummary::runId).containsExactly("20250101-000000-abcdef");
        }
    }
}
