package dev.gigawatt.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.input.InputException;
import dev.gigawatt.plan.FleetPlan;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.plan.SitePlan;
import dev.gigawatt.report.PlanJson;
import dev.gigawatt.report.PlanText;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Mutation fuzzing of the scenario reader: seeded mutants of every file in examples/ and the seeds in
 * src/test/resources/fuzz-seeds/ (odd scalars,
 * deleted and duplicated keys, changed types, lists and mappings swapped) must each either read (and
 * then plan to finite, non-negative headline figures) or be rejected with an {@link InputException},
 * the exit-2 path. Any other exception is a crash the user would see as exit 1.
 */
@SuppressWarnings("ReferenceEquality") // YAML nodes are positions in one tree: compared by identity
class ValidatorFuzzTest {
    private static final Path EXAMPLES = Path.of("../examples");
    private static final int MUTANTS_PER_EXAMPLE = 150;
    private static final Catalog CATALOG = Catalog.builtIn();
    private static final Planner PLANNER = new Planner(Assumptions.builtIn());

    /** Values a user (or a typo, or an attacker) might put anywhere. */
    private static final List<String> ODD_VALUES = List.of(
            "1e308",
            "-1e308",
            "1e-300",
            "0",
            "-0",
            "-1",
            ".nan",
            "NaN",
            ".inf",
            "-.inf",
            "",
            "99999999999999999999",
            "9223372036854775807",
            "1e20 days",
            "1e308 W",
            "-5 MW",
            "$1e308",
            "1e300%",
            "-1e300%",
            "1B",
            "1e400",
            "e5",
            "+99999-01-01",
            "-0001-01-01",
            "0000-01-01",
            "2025-02-30",
            "9999-12-31",
            "1900-01-01",
            "choose",
            "optimal",
            "true",
            "\u0000",
            "\u001b[31mred",
            "\ud800",
            "\u202eevil",
            "Zürich 東京 🚀",
            "x".repeat(300),
            "a\tb",
            "line\nbreak");

    /** Dates written in place of a date. */
    private static final List<String> ODD_DATES = List.of(
            "+99999-01-01",
            "+999999999-01-01",
            "-0001-01-01",
            "0001-01-01",
            "1850-06",
            "2200-12-31",
            "9999",
            "2025-02-29");

    /** Horizon lengths written in place of a horizon's end. */
    private static final List<String> ODD_DURATIONS =
            List.of("1e20 days", "1e300 years", "51 years", "50 years", "0 days", "-1 days", "1 s", "1e-300 s");

    /** Numbers written in place of a value's number, keeping its unit. */
    private static final List<String> MAGNITUDES =
            List.of("0", "0.000001", "1e-300", "3", "1000000", "1e12", "1e300", "123456789012345678");

    /** Seeds beside the examples that use the optional keys the examples leave out. */
    private static final Path SEEDS = Path.of("src/test/resources/fuzz-seeds");

    static Stream<Arguments> mutants() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Path folder : List.of(EXAMPLES, SEEDS)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml"))
                        .sorted()
                        .toList()) {
                    String text = Files.readString(file);
                    for (int i = 0; i < MUTANTS_PER_EXAMPLE; i++) {
                        out.add(Arguments.of(file.getFileName().toString(), i, text));
                    }
                }
            }
        }
        return out.stream();
    }

    @org.junit.jupiter.api.Test
    void seeds_areValidScenarios() throws IOException {
        try (Stream<Path> files = Files.list(SEEDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Scenario s = ScenarioReader.parse(Files.readString(file), file.toString(), CATALOG);
                assertThat(PLANNER.plan(s).fleet().accelerators())
                        .as(file.toString())
                        .isPositive();
            }
        }
    }

    @ParameterizedTest(name = "{0} mutant {1}")
    @MethodSource("mutants")
    void read_mutant_readsAndPlansOrIsBadInput(String example, int index, String original) {
        SplittableRandom random = new SplittableRandom(example.hashCode() * 1_000_003L + index);
        Node root = new Yaml().compose(new StringReader(original));
        List<String> applied = new ArrayList<>();
        int roll = random.nextInt(10);
        int mutations = roll < 7 ? 1 : roll < 9 ? 2 : 3;
        for (int m = 0; m < mutations; m++) {
            applied.add(mutate(root, random));
        }
        String text = write(root);
        String context = example + " mutant " + index + " " + applied + ":\n" + text;

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> readAndPlan(example, text, context), context);
    }

    /** Reads the mutant; a scenario that reads must plan to finite, non-negative headline figures. */
    private static void readAndPlan(String example, String text, String context) {
        Scenario scenario;
        try {
            scenario = ScenarioReader.parse(text, example, CATALOG);
        } catch (InputException e) {
            assertThat(e.problems()).as(context).isNotEmpty();
            assertThat(e.getMessage()).as(context).doesNotContain("\u001b", "\u0000");
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("the reader crashed instead of reporting bad input: " + context, e);
        }
        Plan plan;
        try {
            plan = PLANNER.plan(scenario);
            PlanText.table(plan);
            PlanJson.write(plan);
        } catch (RuntimeException e) {
            throw new AssertionError("a scenario that was read could not be planned: " + context, e);
        }
        assertHeadlineFigures(plan, context);
    }

    private static void assertHeadlineFigures(Plan plan, String context) {
        FleetPlan f = plan.fleet();
        assertThat(f.accelerators()).as(context).isNotNegative();
        for (double figure : new double[] {
            f.capexUsd(),
            f.depreciationUsdPerYear(),
            f.annualisedCapexUsdPerYear(),
            f.opexUsdPerYear(),
            f.tcoUsdPerYear(),
            f.energyMwhPerYear(),
            f.co2eTonnesPerYear(),
            f.co2eTonnesPerYearMarket()
        }) {
            assertThat(figure).as(context).isFinite().isNotNegative();
        }
        for (SitePlan s : plan.sites()) {
            assertThat(s.peakFacilityPowerMw()).as(context).isFinite().isNotNegative();
            assertThat(s.energyMwhPerYear()).as(context).isFinite().isNotNegative();
        }
    }

    /** Applies one random mutation somewhere in the tree and says what it was. */
    private static String mutate(Node root, SplittableRandom random) {
        List<Node> nodes = new ArrayList<>();
        collect(root, nodes);
        Node target = nodes.get(random.nextInt(nodes.size()));
        int kind = random.nextInt(10);
        if (target instanceof ScalarNode && kind < 6) {
            return replaceScalar(root, target, random);
        }
        if (target instanceof MappingNode map && !map.getValue().isEmpty()) {
            List<NodeTuple> tuples = new ArrayList<>(map.getValue());
            for (int i = 0; i < tuples.size() && kind < 8; i++) {
                if ("end".equals(key(tuples.get(i)))) {
                    String duration = ODD_DURATIONS.get(random.nextInt(ODD_DURATIONS.size()));
                    tuples.set(i, new NodeTuple(scalar("duration"), scalar(duration)));
                    map.setValue(tuples);
                    return "end to duration '" + duration + "'";
                }
            }
            NodeTuple t = tuples.get(random.nextInt(tuples.size()));
            switch (target == root && kind % 4 == 2 ? 0 : kind % 4) {
                case 0 -> {
                    tuples.remove(t);
                    map.setValue(tuples);
                    return "delete key " + key(t);
                }
                case 1 -> {
                    tuples.add(
                            new NodeTuple(t.getKeyNode(), scalar(ODD_VALUES.get(random.nextInt(ODD_VALUES.size())))));
                    map.setValue(tuples);
                    return "duplicate key " + key(t);
                }
                case 2 -> {
                    replace(root, map, sequenceOf(values(map)));
                    return "mapping to list";
                }
                default -> {
                    tuples.add(new NodeTuple(scalar("unexpected" + random.nextInt(3)), scalar("1")));
                    map.setValue(tuples);
                    return "add unknown key";
                }
            }
        }
        if (target instanceof SequenceNode seq && !seq.getValue().isEmpty()) {
            switch (kind % 3) {
                case 0 -> {
                    List<NodeTuple> tuples = new ArrayList<>();
                    for (int i = 0; i < seq.getValue().size(); i++) {
                        tuples.add(new NodeTuple(
                                scalar(String.valueOf(i)), seq.getValue().get(i)));
                    }
                    replace(root, seq, new MappingNode(Tag.MAP, tuples, DumperOptions.FlowStyle.BLOCK));
                    return "list to mapping";
                }
                case 1 -> {
                    List<Node> items = new ArrayList<>(seq.getValue());
                    int copies = 1 + random.nextInt(40);
                    Node item = items.get(random.nextInt(items.size()));
                    for (int i = 0; i < copies; i++) {
                        items.add(item);
                    }
                    setItems(seq, items);
                    return "repeat a list item " + copies + " times";
                }
                default -> {
                    List<Node> items = new ArrayList<>(seq.getValue());
                    items.remove(random.nextInt(items.size()));
                    setItems(seq, items);
                    return "remove a list item";
                }
            }
        }
        if (target != root) {
            Node replacement = random.nextBoolean() ? sequenceOf(List.of(scalar("1"))) : scalar("x");
            replace(root, target, replacement);
            return "change type to " + (replacement instanceof ScalarNode ? "text" : "list");
        }
        return "none";
    }

    private static String replaceScalar(Node root, Node target, SplittableRandom random) {
        String old = ((ScalarNode) target).getValue();
        String value;
        if (old.matches("\\d{4}-\\d{2}(-\\d{2})?") && random.nextBoolean()) {
            value = ODD_DATES.get(random.nextInt(ODD_DATES.size()));
        } else if (old.matches("[^0-9]{0,2}[0-9].*") && random.nextBoolean()) {
            // Keep the unit and the form, change the magnitude: the value still reads, the bounds must catch it.
            String number = MAGNITUDES.get(random.nextInt(MAGNITUDES.size()));
            value = old.replaceFirst("[0-9][0-9,]*(\\.[0-9]+)?", number);
        } else if (random.nextInt(5) == 0) {
            value = "-" + old;
        } else {
            value = ODD_VALUES.get(random.nextInt(ODD_VALUES.size()));
        }
        replace(root, target, scalar(value));
        return "'" + old + "' to '" + value + "'";
    }

    /** A scalar whose tag is what YAML would resolve for it, so that numbers stay numbers. */
    private static ScalarNode scalar(String value) {
        Tag tag = new Resolver().resolve(NodeId.scalar, value, true);
        return new ScalarNode(tag, value, null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    private static void setItems(SequenceNode seq, List<Node> items) {
        seq.getValue().clear();
        seq.getValue().addAll(items);
    }

    private static SequenceNode sequenceOf(List<Node> items) {
        return new SequenceNode(Tag.SEQ, new ArrayList<>(items), DumperOptions.FlowStyle.BLOCK);
    }

    private static List<Node> values(MappingNode map) {
        return map.getValue().stream().map(NodeTuple::getValueNode).toList();
    }

    private static String key(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
    }

    private static void collect(Node node, List<Node> out) {
        out.add(node);
        if (node instanceof MappingNode map) {
            map.getValue().forEach(t -> collect(t.getValueNode(), out));
        } else if (node instanceof SequenceNode seq) {
            seq.getValue().forEach(n -> collect(n, out));
        }
    }

    /** Puts {@code replacement} wherever {@code target} is referenced under {@code node}. */
    private static void replace(Node node, Node target, Node replacement) {
        if (node instanceof MappingNode map) {
            List<NodeTuple> tuples = new ArrayList<>();
            for (NodeTuple t : map.getValue()) {
                Node value = t.getValueNode() == target ? replacement : t.getValueNode();
                tuples.add(new NodeTuple(t.getKeyNode(), value));
                if (value != replacement) {
                    replace(value, target, replacement);
                }
            }
            map.setValue(tuples);
        } else if (node instanceof SequenceNode seq) {
            List<Node> items = new ArrayList<>(seq.getValue());
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) == target) {
                    items.set(i, replacement);
                } else {
                    replace(items.get(i), target, replacement);
                }
            }
            setItems(seq, items);
        }
    }

    private static String write(Node root) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(200);
        StringWriter out = new StringWriter();
        new Yaml(options).serialize(root, out);
        return out.toString();
    }
}
