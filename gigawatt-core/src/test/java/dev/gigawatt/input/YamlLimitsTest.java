package dev.gigawatt.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The limits every input file is read under: size, aliases, nesting, tags and text, each with its line. */
class YamlLimitsTest {
    private static List<Problem> problems(Runnable action) {
        return InputProblems.of(action);
    }

    /** Problems found while parsing, before any reader asks for a key. */
    private static List<Problem> parseProblems(String yaml) {
        return YamlDocument.parse(yaml, "f.yaml").problems().list();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void read_devZero_isTooLargeAfterReadingOnlyTheLimitWhileAFileOfTheLimitIsRead() throws Exception {
        Path file = Files.createTempFile("limit", ".yaml");
        try {
            Files.writeString(file, "name: t\n" + "#".repeat(YamlDocument.MAX_CHARACTERS - 8));
            assertThat(YamlDocument.read(file, "f.yaml").asMap().keys()).containsExactly("name");
        } finally {
            Files.delete(file);
        }

        List<Problem> problems = assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> problems(() -> YamlDocument.read(Path.of("/dev/zero"), "/dev/zero")));

        assertThat(problems)
                .containsExactly(new Problem(
                        "",
                        0,
                        "file is too large: more than 4 MiB (4,194,304 bytes); scenario files are a few kilobytes"));
    }

    @Test
    void parse_moreAliasesThanAllowed_namesTheLineOfTheFirstOneTooMany() {
        StringBuilder yaml = new StringBuilder("base: &b [1, 2]\n");
        for (int i = 0; i < 25; i++) {
            yaml.append("k").append(i).append(": *b\n");
        }

        assertThat(problems(() -> YamlDocument.parse(yaml.toString(), "f.yaml")))
                .containsExactly(new Problem(
                        "",
                        22,
                        "too many YAML aliases: at most 20 aliases (*name) to lists or mappings are allowed (this guards"
                                + " against alias bombs)"));
    }

    @Test
    void parse_nestedDeeperThan64Levels_namesTheLineWhile64AreAllowed() {
        assertThat(YamlDocument.parse(nested(64), "f.yaml").problems().list()).isEmpty();
        assertThat(problems(() -> YamlDocument.parse(nested(70), "f.yaml")))
                .containsExactly(
                        new Problem("", 65, "nested too deeply: at most 64 levels of lists and mappings are allowed"));
    }

    /** Mappings nested {@code levels} deep, level {@code n} starting on line {@code n}. */
    private static String nested(int levels) {
        StringBuilder yaml = new StringBuilder();
        for (int depth = 0; depth < levels - 1; depth++) {
            yaml.append("  ".repeat(depth)).append("k:\n");
        }
        return yaml.append("  ".repeat(levels - 1)).append("k: v\n").toString();
    }

    @Test
    void parse_tagsOtherThanPlainTypes_areReportedWhereTheyAre() {
        assertThat(parseProblems("a: !!binary aGVsbG8=\nb: !!set {x, y}\nc: !custom 1\nd: !!str 12\n"))
                .containsExactly(
                        new Problem(
                                "a",
                                1,
                                "YAML tag !!binary is not allowed: write plain text, numbers, true/false, dates, lists"
                                        + " and mappings"),
                        new Problem(
                                "b",
                                2,
                                "YAML tag !!set is not allowed: write plain text, numbers, true/false, dates, lists and"
                                        + " mappings"),
                        new Problem(
                                "c",
                                3,
                                "YAML tag !custom is not allowed: write plain text, numbers, true/false, dates, lists and"
                                        + " mappings"));
    }

    @Test
    void parse_mergeKey_isNotSupported() {
        assertThat(parseProblems("base: &b {x: 1}\nsite:\n  <<: *b\n"))
                .containsExactly(
                        new Problem("site.<<", 3, "YAML merge keys (<<: *name) are not supported; write the keys"));
    }

    @Test
    void parse_controlCharactersAnywhere_areReportedEscapedButTabsAndLineBreaksAreText() {
        assertThat(parseProblems("description: \"a\\tb\\nc\"\nnote: |\n  two\n  lines\n"))
                .isEmpty();
        assertThat(parseProblems("description: \"bell\\a\"\nlist: [ok, \"del\\x7f\"]\n\"k\\x9b\": 1\n"))
                .containsExactly(
                        new Problem(
                                "description", 1, "must not contain control characters (U+0007), got \"bell\\u0007\""),
                        new Problem("list[1]", 2, "must not contain control characters (DEL), got \"del\\u007f\""),
                        new Problem(
                                "k\\u009b",
                                3,
                                "the key: must not contain control characters (U+009B), got \"k\\u009b\""));
    }

    @Test
    void problem_withControlCharacters_rendersThemEscaped() {
        Problem p = new Problem("a\u001b[2J", 3, "got \"\u0000\"");

        assertThat(p.render("f.yaml")).isEqualTo("f.yaml:3: a\\u001b[2J: got \"\\u0000\"");
    }
}
