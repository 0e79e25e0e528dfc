package dev.gigawatt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code gigawatt bench}, run small: the fleet-size table and the sweep benchmark. */
class BenchCommandTest {
    @Test
    void bench_smallSweep_printsBothTables_exit0() {
        CliRun r = CliRun.of(
                "bench",
                "--sizes",
                "1000",
                "--days",
                "3",
                "--repeat",
                "1",
                "--sweep-replications",
                "3",
                "--sweep-size",
                "2000",
                "--threads",
                "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Sweep: 3 replications of the 2,000-accelerator workload");
        String row =
                r.out().lines().filter(l -> l.startsWith("2,000 ")).findFirst().orElseThrow();
        assertThat(row.trim().split("\\s+")).startsWith("2,000", "3", "2");
    }

    @Test
    void bench_noSweepReplications_skipsTheSweep_exit0() {
        CliRun r = CliRun.of("bench", "--sizes", "1000", "--days", "2", "--repeat", "1", "--sweep-replications", "0");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).doesNotContain("Sweep:");
    }

    @Test
    void bench_negativeSweepReplications_exit2() {
        CliRun r = CliRun.of("bench", "--sweep-replications", "-1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--sweep-replications must be >= 0");
    }
}
