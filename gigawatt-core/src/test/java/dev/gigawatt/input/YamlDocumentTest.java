package dev.gigawatt.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamlDocumentTest {
    private static final String EMPTY = "is empty: expected a YAML mapping such as 'name: my-plan'";

    @TempDir
    Path dir;

    private static List<Problem> problems(Runnable action) {
        return InputProblems.of(action);
    }

    @Test
    void parse_mapping_keepsKeysInFileOrderWithPathsAndLines() {
        YamlNode root = YamlDocument.parse("name: plan\nseed: 7\nsites:\n  - name: a\n", "f.yaml");

        YamlMap map = root.asMap();
        assertThat(map.keys()).containsExactly("name", "seed", "sites");
        YamlNode site = map.list("sites").get(0);
        assertThat(site.path()).isEqualTo("sites[0]");
        assertThat(site.line()).isEqualTo(4);
        assertThat(root.problems().isEmpty()).isTrue();
    }

    @Test
    void parse_unclosedFlowSequence_reportsInvalidYamlWithLine() {
        assertThat(problems(() -> YamlDocument.parse("name: [unclosed\nfoo: bar\n", "f.yaml")))
                .containsExactly(new Problem(
                        "", 2, "invalid YAML: while parsing a flow sequence: expected ',' or ']', but got :"));
    }

    @Test
    void parse_badIndentation_reportsInvalidYamlOnTheOffendingLine() {
        assertThatThrownBy(() -> YamlDocument.parse("name: a\n  bad: indent\n", "f.yaml"))
                .isInstanceOf(InputException.class)
                .hasMessage("f.yaml:2: invalid YAML: mapping values are not allowed here");
    }

    @Test
    void parse_unterminatedQuote_reportsLineWhereTheFileEnds() {
        assertThat(problems(() -> YamlDocument.parse("a: 1\nb: \"unterminated\n", "f.yaml")))
                .containsExactly(new Problem(
                        "", 3, "invalid YAML: while scanning a quoted scalar: found unexpected end of stream"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n\n", "# only a comment\n"})
    void parse_noContent_reportsIsEmpty(String text) {
        assertThat(problems(() -> YamlDocument.parse(text, "f.yaml"))).containsExactly(new Problem("", 0, EMPTY));
    }

    @Test
    void parse_explicitEmptyDocument_isReportedAsEmpty() {
        assertThatThrownBy(() -> YamlDocument.parse("---\n", "f.yaml"))
                .isInstanceOf(InputException.class)
                .hasMessage("f.yaml: is empty: expected a YAML mapping such as 'name: my-plan'");
    }

    @Test
    void parse_billionLaughs_isRejectedQuicklyNamingTheAliasLimit() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            bomb.append('a').append(level).append(": &a").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ", ").append("*a").append(level - 1);
            }
            bomb.append("]\n");
        }

        InputException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                YamlDocument.parse(bomb.toString(), "bomb.yaml");
            } catch (InputException thrown) {
                return thrown;
            }
            return null;
        });

        assertThat(e).isNotNull();
        assertThat(e.problems())
                .singleElement()
                .satisfies(
                        p -> assertThat(p.message())
                                .isEqualTo(
                                        "too many YAML aliases: at most 20 aliases (*name) to lists or mappings are allowed (this guards against alias bombs)"));
    }

    @Test
    void parse_selfReferencingAlias_returnsWithoutLooping() {
        YamlNode root =
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> YamlDocument.parse("a: &x [*x]\n", "f.yaml"));

        YamlNode a = root.asMap().list("a").get(0);
        assertThat(a.isList()).isTrue();
        assertThat(a.asString()).isNull();
        assertThat(root.problems().list()).containsExactly(new Problem("a[0]", 1, "expected a text value, got a list"));
    }

    @Test
    void parse_languageSpecificTag_isRejected() {
        assertThatThrownBy(() -> YamlDocument.parse("!!python/object:os.system 'ls'\n", "f.yaml"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("f.yaml:1: invalid YAML: Global tag is not allowed");
    }

    @Test
    void parse_nulCharacter_isNotText() {
        assertThat(problems(() -> YamlDocument.parse("name: a\0b\n", "f.yaml")))
                .containsExactly(new Problem("", 0, "is not a text file (it contains NUL bytes)"));
    }

    @Test
    void parse_overSizeLimit_isRejectedBeforeParsing() {
        String huge = "#".repeat(YamlDocument.MAX_CHARACTERS + 1);

        assertThat(problems(() -> YamlDocument.parse(huge, "f.yaml")))
                .containsExactly(
                        new Problem("", 0, "input is too large: 4,194,305 characters; at most 4,194,304 are read"));
    }

    @Test
    void read_utf8File_parses() throws IOException {
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, "name: Zürich\n", StandardCharsets.UTF_8);

        assertThat(YamlDocument.read(file, "ok.yaml").asMap().string("name")).isEqualTo("Zürich");
    }

    @Test
    void read_utf8FileWithByteOrderMark_parses() throws IOException {
        Path file = dir.resolve("bom.yaml");
        Files.write(file, "\uFEFFname: bom\n".getBytes(StandardCharsets.UTF_8));

        assertThat(YamlDocument.read(file, "bom.yaml").asMap().keys()).containsExactly("name");
    }

    @Test
    void read_latin1File_isNotUtf8() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "name: Z\u00fcrich\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(problems(() -> YamlDocument.read(file, "latin1.yaml")))
                .containsExactly(new Problem("", 0, "is not a UTF-8 text file (binary data?)"));
    }

    @Test
    void read_binaryFile_isNotUtf8() throws IOException {
        Path file = dir.resolve("image.png");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d});

        assertThatThrownBy(() -> YamlDocument.read(file, "image.png"))
                .isInstanceOf(InputException.class)
                .hasMessage("image.png: is not a UTF-8 text file (binary data?)");
    }

    @Test
    void read_validUtf8WithNul_isNotText() throws IOException {
        Path file = dir.resolve("nul.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', 0, '\n'});

        assertThat(problems(() -> YamlDocument.read(file, "nul.yaml")))
                .containsExactly(new Problem("", 0, "is not a text file (it contains NUL bytes)"));
    }

    @Test
    void read_missingFile_saysFileNotFound() {
        Path file = dir.resolve("missing.yaml");

        assertThatThrownBy(() -> YamlDocument.read(file, "missing.yaml"))
                .hasMessage("missing.yaml: file not found")
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.fileName()).isEqualTo("missing.yaml");
                    assertThat(e.problems()).containsExactly(new Problem("", 0, "file not found"));
                });
    }

    @Test
    void read_directory_saysItCannotBeRead() {
        assertThat(problems(() -> YamlDocument.read(dir, "dir")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("cannot read file: "));
    }

    @Test
    void read_fileOverSizeLimit_namesSizeAndLimit() throws IOException {
        Path file = dir.resolve("big.yaml");
        Files.write(file, new byte[YamlDocument.MAX_CHARACTERS + 1]);

        assertThat(problems(() -> YamlDocument.read(file, "big.yaml")))
                .containsExactly(new Problem(
                        "",
                        0,
                        "file is too large: more than 4 MiB (4,194,304 bytes); scenario files are a few kilobytes"));
    }

    @Test
    void parse_duplicateTopLevelKey_isReportedWithItsLine() {
        YamlNode root = YamlDocument.parse("name: a\nseed: 1\nname: b\n", "f.yaml");
        root.asMap();

        assertThat(root.problems().list()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("name");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("duplicate key 'name'");
        });
    }

    @Test
    void parse_duplicateNestedKey_isReported() {
        assertThatThrownBy(() -> {
                    YamlNode root = YamlDocument.parse("site:\n  capacity: 1 GW\n  capacity: 2 GW\n", "f.yaml");
                    root.asMap().map("site");
                    root.problems().throwIfAny();
                })
                .isInstanceOf(InputException.class)
                .hasMessageContaining("f.yaml:3: site.capacity: ")
                .hasMessageContaining("duplicate key 'capacity'");
    }
}
