package dev.gigawatt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text the CLI prints never carries control characters to the terminal. */
class PrintableOutputTest {
    @TempDir
    Path dir;

    @Test
    void writer_controlCharacters_areShownAsEscapes_restPassesThrough() throws IOException {
        StringWriter sink = new StringWriter();
        try (PrintableWriter w = new PrintableWriter(sink)) {
            w.write("a\u001b[31mred\u0000\u009b\u007f\tb\r\nc");
            w.write(7);
        }

        assertThat(sink).hasToString("a\\x1B[31mred\\x00\\x9B\\x7F\tb\r\nc\\x07");
    }

    @Test
    void query_valueWithAnEscapeSequence_isPrintedAsText_exit0() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String db = dir.resolve("db.duckdb").toString();
        int plan = GigawattCli.run(
                new PrintWriter(out),
                new PrintWriter(err),
                "plan",
                "../examples/quickstart.yaml",
                "--db",
                db,
                "--no-report");
        assertThat(plan).as(err.toString()).isZero();
        out.getBuffer().setLength(0);

        int code = GigawattCli.run(
                new PrintWriter(out),
                new PrintWriter(err),
                "query",
                "SELECT chr(27) || ']0;owned' || chr(7) || chr(27) || '[2J' AS title",
                "--db",
                db);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\\x1B]0;owned\\x07\\x1B[2J").doesNotContain("\u001b", "\u0007");
    }
}
