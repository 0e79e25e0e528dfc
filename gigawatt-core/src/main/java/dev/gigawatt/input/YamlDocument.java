package dev.gigawatt.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads YAML text into a tree of {@link YamlNode}s that remember their path and line, with limits
 * that keep hostile input harmless: a size cap, a nesting cap, few aliases, no duplicate keys.
 */
public final class YamlDocument {
    /** Largest input accepted, in bytes of a file or characters of a text. Scenario files are a few kilobytes. */
    public static final int MAX_CHARACTERS = Limits.MAX_FILE_BYTES;

    private static final int MAX_ALIASES = Limits.MAX_ALIASES;
    private static final int MAX_NESTING = Limits.MAX_NESTING;
    private static final String TOO_LARGE = "file is too large: more than " + MAX_CHARACTERS / (1024 * 1024) + " MiB ("
            + String.format(Locale.ROOT, "%,d", MAX_CHARACTERS)
            + " bytes); scenario files are a few kilobytes";

    private YamlDocument() {}

    /**
     * Reads a file; every problem (including an unreadable file) is reported as an {@link InputException}.
     * At most {@link #MAX_CHARACTERS} bytes are read, whatever the file claims to be, so that devices
     * ({@code /dev/zero}), pipes and growing files are caught as too large rather than read forever.
     */
    public static YamlNode read(Path file, String displayName) {
        return parse(readText(file, displayName), displayName);
    }

    /** The text of a file, read as {@link #read} reads it (bounded, UTF-8), without parsing it. */
    public static String readText(Path file, String displayName) {
        try (InputStream in = Files.newInputStream(file)) {
            return readText(in, displayName);
        } catch (NoSuchFileException e) {
            throw single(displayName, "file not found");
        } catch (IOException e) {
            throw single(displayName, "cannot read file: " + e.getMessage());
        }
    }

    /** The text of a stream (standard input, say), read as {@link #readText(Path, String)} reads a file. */
    public static String readText(InputStream in, String displayName) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_CHARACTERS + 1);
        } catch (IOException e) {
            throw single(displayName, "cannot read file: " + e.getMessage());
        }
        if (bytes.length > MAX_CHARACTERS) {
            throw single(displayName, TOO_LARGE);
        }
        String text = Text.strictUtf8(bytes)
                .orElseThrow(() -> single(displayName, "is not a UTF-8 text file (binary data?)"));
        return text;
    }

    /** Parses YAML text; {@code displayName} names it in messages. */
    public static YamlNode parse(String text, String displayName) {
        if (text.length() > MAX_CHARACTERS) {
            throw single(
                    displayName,
                    "input is too large: " + String.format(Locale.ROOT, "%,d", text.length())
                            + " characters; at most " + String.format(Locale.ROOT, "%,d", MAX_CHARACTERS)
                            + " are read");
        }
        if (text.indexOf('\0') >= 0) {
            throw single(displayName, "is not a text file (it contains NUL bytes)");
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CHARACTERS);
        options.setAllowRecursiveKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        Node root;
        try {
            root = yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            throw new InputException(displayName, List.of(new Problem("", line, "invalid YAML: " + describe(e))));
        } catch (YAMLException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("Number of aliases")) {
                throw at(
                        displayName,
                        LimitLines.tooManyAliases(text, MAX_ALIASES),
                        "too many YAML aliases: at most " + MAX_ALIASES
                                + " aliases (*name) to lists or mappings are allowed (this guards against alias bombs)");
            }
            if (message.contains("Nesting Depth")) {
                throw at(
                        displayName,
                        LimitLines.tooDeep(text, MAX_NESTING),
                        "nested too deeply: at most " + MAX_NESTING + " levels of lists and mappings are allowed");
            }
            throw single(displayName, "invalid YAML: " + message);
        }
        if (root == null || isEmptyScalar(root)) {
            throw single(displayName, "is empty: expected a YAML mapping such as 'name: my-plan'");
        }
        Problems problems = new Problems(displayName);
        DocumentCheck.check(root, problems);
        return new YamlNode(root, "", problems);
    }

    private static boolean isEmptyScalar(Node root) {
        return root instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar
                && org.yaml.snakeyaml.nodes.Tag.NULL.equals(scalar.getTag());
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "syntax error" : e.getProblem();
        if (e.getContext() != null && !e.getContext().isBlank()) {
            return e.getContext().strip() + ": " + problem;
        }
        return problem;
    }

    private static InputException single(String displayName, String message) {
        return at(displayName, 0, message);
    }

    private static InputException at(String displayName, int line, String message) {
        return new InputException(displayName, List.of(new Problem("", line, message)));
    }
}
