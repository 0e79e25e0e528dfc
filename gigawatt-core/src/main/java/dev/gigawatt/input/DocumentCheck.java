package dev.gigawatt.input;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Checks every key and value of a parsed document before it is read: only plain YAML types
 * (text, numbers, booleans, dates, lists, mappings; no {@code !!binary}, {@code !!set} or custom
 * tags) and only valid text ({@link Text#problem}).
 */
final class DocumentCheck {
    private static final List<Tag> SCALAR_TAGS =
            List.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP);
    private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";

    private final Problems problems;
    private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private DocumentCheck(Problems problems) {
        this.problems = problems;
    }

    /** Records a problem for every disallowed tag and every invalid text under {@code root}. */
    static void check(Node root, Problems problems) {
        new DocumentCheck(problems).walk(root, "");
    }

    private void walk(Node node, String path) {
        if (!seen.add(node)) {
            return; // an alias of a node already checked
        }
        String tagProblem = tagProblem(node);
        if (tagProblem != null) {
            problems.add(path, line(node), tagProblem);
            return;
        }
        if (node instanceof ScalarNode scalar) {
            String textProblem = Text.problem(scalar.getValue());
            if (textProblem != null) {
                problems.add(path, line(node), textProblem);
            }
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                Node key = tuple.getKeyNode();
                String childPath = path;
                if (key instanceof ScalarNode k) {
                    childPath = path.isEmpty() ? k.getValue() : path + "." + k.getValue();
                    if (Tag.MERGE.equals(k.getTag())) {
                        problems.add(
                                childPath, line(k), "YAML merge keys (<<: *name) are not supported; write the keys");
                        continue;
                    }
                    String keyProblem = tagProblem(k);
                    if (keyProblem == null) {
                        keyProblem = Text.problem(k.getValue());
                    }
                    if (keyProblem != null) {
                        problems.add(childPath, line(k), "the key: " + keyProblem);
                        continue;
                    }
                }
                walk(tuple.getValueNode(), childPath);
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                walk(items.get(i), path + "[" + i + "]");
            }
        }
    }

    private static String tagProblem(Node node) {
        Tag tag = node.getTag();
        boolean allowed = node instanceof ScalarNode
                ? SCALAR_TAGS.contains(tag)
                : node instanceof MappingNode ? Tag.MAP.equals(tag) : Tag.SEQ.equals(tag);
        if (allowed) {
            return null;
        }
        String value = tag.getValue();
        String shown = value.startsWith(YAML_TAG_PREFIX) ? "!!" + value.substring(YAML_TAG_PREFIX.length()) : value;
        return "YAML tag " + shown
                + " is not allowed: write plain text, numbers, true/false, dates, lists and mappings";
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
