package dev.gigawatt.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Sets values in a parsed YAML document by path, before it is validated: how sweeps vary a
 * scenario. Paths look like {@code finance.costOfCapital}, {@code sites[1].pue} (list index) or
 * {@code sites[richland].pue} (the list item whose {@code name} is richland); missing mapping keys
 * are created. Values are written as plain scalars, so the scenario's own validation applies.
 */
public final class YamlPatch {
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)((?:\\[[^\\]]+\\])*)");
    private static final Pattern INDEX = Pattern.compile("\\[([^\\]]+)\\]");
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private YamlPatch() {}

    /** Applies every {@code path → value} to the document at {@code root}, in order. */
    public static YamlNode apply(YamlNode root, Map<String, String> values) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            set(root.raw(), e.getKey(), e.getValue());
        }
        return root;
    }

    /** Checks that {@code path} is well formed; returns an error message or null. */
    public static String checkPath(String path) {
        for (String segment : path.split("\\.(?![^\\[]*\\])", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return "is not a path such as finance.costOfCapital, sites[1].pue or sites[richland].pue: \"" + path
                        + "\"";
            }
        }
        return null;
    }

    private static void set(Node root, String path, String value) {
        List<Object> steps = new ArrayList<>();
        for (String segment : path.split("\\.(?![^\\[]*\\])", -1)) {
            Matcher m = SEGMENT.matcher(segment);
            if (!m.matches()) {
                throw new IllegalArgumentException("bad path " + path);
            }
            steps.add(m.group(1));
            Matcher idx = INDEX.matcher(m.group(2));
            while (idx.find()) {
                steps.add(new Selector(idx.group(1)));
            }
        }
        Node node = root;
        for (int i = 0; i < steps.size(); i++) {
            boolean last = i == steps.size() - 1;
            Object step = steps.get(i);
            if (step instanceof String key) {
                if (!(node instanceof MappingNode mapping)) {
                    throw new IllegalArgumentException(path + ": '" + key + "' is not inside a mapping");
                }
                NodeTuple found = null;
                for (NodeTuple t : mapping.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                        found = t;
                    }
                }
                Node at = found != null ? found.getValueNode() : mapping;
                Node child = last ? scalar(value, at) : found != null ? found.getValueNode() : emptyMap(at);
                if (found == null || last) {
                    List<NodeTuple> tuples = new ArrayList<>(mapping.getValue());
                    if (found != null) {
                        tuples.set(tuples.indexOf(found), new NodeTuple(found.getKeyNode(), child));
                    } else {
                        tuples.add(new NodeTuple(scalarText(key, mapping), child));
                    }
                    mapping.setValue(tuples);
                }
                node = child;
            } else {
                Selector sel = (Selector) step;
                if (!(node instanceof SequenceNode sequence)) {
                    throw new IllegalArgumentException(path + ": [" + sel.text + "] is not inside a list");
                }
                int index = sel.index(sequence);
                if (index < 0 || index >= sequence.getValue().size()) {
                    throw new IllegalArgumentException(path + ": no list item [" + sel.text + "]");
                }
                if (last) {
                    sequence.getValue()
                            .set(index, scalar(value, sequence.getValue().get(index)));
                }
                node = sequence.getValue().get(index);
            }
        }
    }

    /** A list index or the name of a list item. */
    private record Selector(String text) {
        int index(SequenceNode sequence) {
            if (text.matches("\\d+")) {
                return Integer.parseInt(text);
            }
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof MappingNode m) {
                    for (NodeTuple t : m.getValue()) {
                        if (t.getKeyNode() instanceof ScalarNode k
                                && k.getValue().equals("name")
                                && t.getValueNode() instanceof ScalarNode v
                                && v.getValue().equals(text)) {
                            return i;
                        }
                    }
                }
            }
            return -1;
        }
    }

    /** A scalar written where {@code replaced} was, so that problems with it are reported on that line. */
    private static Node scalar(String value, Node replaced) {
        Tag tag = NUMBER.matcher(value).matches()
                ? (value.contains(".") || value.contains("e") || value.contains("E") ? Tag.FLOAT : Tag.INT)
                : value.equals("true") || value.equals("false") ? Tag.BOOL : Tag.STR;
        return new ScalarNode(
                tag, value, replaced.getStartMark(), replaced.getEndMark(), DumperOptions.ScalarStyle.PLAIN);
    }

    private static Node scalarText(String value, Node at) {
        return new ScalarNode(Tag.STR, value, at.getStartMark(), at.getEndMark(), DumperOptions.ScalarStyle.PLAIN);
    }

    private static Node emptyMap(Node at) {
        return new MappingNode(
                Tag.MAP, true, new ArrayList<>(), at.getStartMark(), at.getEndMark(), DumperOptions.FlowStyle.BLOCK);
    }
}
