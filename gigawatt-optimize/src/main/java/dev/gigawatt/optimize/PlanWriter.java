package dev.gigawatt.optimize;

import dev.gigawatt.scenario.CapacityStep;
import dev.gigawatt.scenario.Deployment;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.Site;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes the chosen plan as a scenario {@code gigawatt plan} and {@code simulate} read: the input
 * file's own YAML (its values as written, comments dropped) without its {@code optimize:} section, the
 * accelerators bought added to {@code fleet:}, the capacity steps built merged into their sites'
 * {@code capacity:} and every training job and inference service moved to the accelerator and site
 * chosen (jobs also to their start).
 */
public final class PlanWriter {
    private static final Resolver RESOLVER = new Resolver();

    private PlanWriter() {}

    /** The plan of {@code outcome} as YAML text, from the input's {@code yaml} and its validated {@code scenario}. */
    public static String write(String yaml, Scenario scenario, Outcome outcome) {
        BuildOut p = outcome.problem();
        Decisions d = outcome.decisions();
        Yaml parser = new Yaml(new SafeConstructor(new LoaderOptions()));
        MappingNode root = (MappingNode) parser.compose(new StringReader(yaml));
        remove(root, "optimize");
        SequenceNode fleet = (SequenceNode) get(root, "fleet");
        if (fleet == null) {
            fleet = new SequenceNode(
                    org.yaml.snakeyaml.nodes.Tag.SEQ, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
            put(root, "fleet", fleet);
        }
        for (int q = 0; q < p.quarters().size(); q++) {
            for (int s = 0; s < p.sites().size(); s++) {
                for (int t = 0; t < p.types().size(); t++) {
                    long n = d.bought()[t][s][q];
                    if (n > 0) {
                        MappingNode item = flowMap();
                        put(item, "accelerator", scalar(p.types().get(t).name()));
                        put(item, "count", scalar(Long.toString(n)));
                        put(item, "site", scalar(p.sites().get(s).name()));
                        put(
                                item,
                                "inService",
                                scalar(p.quarters().get(q).start().toString()));
                        shape(item, scenario, p.types().get(t));
                        fleet.getValue().add(item);
                    }
                }
            }
        }
        List<Node> sites = ((SequenceNode) get(root, "sites")).getValue();
        for (int s = 0; s < p.sites().size(); s++) {
            TreeMap<LocalDate, Double> added = new TreeMap<>();
            for (int k = 0; k < p.steps().size(); k++) {
                if (p.steps().get(k).site() == s && d.stepQuarter()[k] >= 0) {
                    added.merge(
                            p.quarters().get(d.stepQuarter()[k]).start(),
                            p.steps().get(k).powerWatts(),
                            Double::sum);
                }
            }
            if (!added.isEmpty()) {
                put(
                        (MappingNode) sites.get(s),
                        "capacity",
                        capacity(scenario.sites().get(s), added));
            }
        }
        List<Node> training =
                get(root, "training") == null ? List.of() : ((SequenceNode) get(root, "training")).getValue();
        for (int j = 0; j < p.jobs().size(); j++) {
            BuildOut.JobOption o = p.jobs().get(j).options().get(d.jobOption()[j]);
            MappingNode job = (MappingNode) training.get(j);
            put(job, "accelerator", scalar(p.types().get(o.type()).name()));
            put(job, "site", scalar(p.sites().get(o.site()).name()));
            put(job, "start", scalar(p.quarters().get(o.startQuarter()).start().toString()));
        }
        List<Node> inference =
                get(root, "inference") == null ? List.of() : ((SequenceNode) get(root, "inference")).getValue();
        for (int i = 0; i < p.services().size(); i++) {
            BuildOut.ServiceOption o = p.services().get(i).options().get(d.serviceOption()[i]);
            MappingNode service = (MappingNode) inference.get(i);
            put(service, "accelerator", scalar(p.types().get(o.type()).name()));
            put(service, "site", scalar(p.sites().get(o.site()).name()));
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        StringWriter out = new StringWriter();
        new Yaml(options).serialize(root, out);
        return out.toString();
    }

    /**
     * Gives a new batch the shape and price the optimiser costed it with: those of the fleet's own
     * batches of its type when it has some, else the catalog's (nothing written), and the candidate's
     * price when it gives one.
     */
    private static void shape(MappingNode item, Scenario scenario, BuildOut.Kind kind) {
        double price = kind.priceUsd();
        for (Deployment d : scenario.fleet()) {
            if (d.accelerator().name().equals(kind.name())) {
                put(item, "acceleratorsPerServer", scalar(Integer.toString(d.acceleratorsPerServer())));
                put(item, "serversPerRack", scalar(Integer.toString(d.serversPerRack())));
                price = Double.isNaN(price) ? d.priceUsd() : price;
                break;
            }
        }
        if (!Double.isNaN(price)) {
            put(item, "price", scalar("$" + plain(price)));
        }
    }

    /** The site's capacity steps with {@code added} power from each date on, as a list of {from, power}. */
    private static SequenceNode capacity(Site site, NavigableMap<LocalDate, Double> added) {
        TreeMap<LocalDate, Double> dates = new TreeMap<>();
        for (CapacityStep step : site.capacity()) {
            dates.put(step.from(), 0.0);
        }
        added.keySet().forEach(date -> dates.put(date, 0.0));
        List<Node> steps = new ArrayList<>();
        for (LocalDate date : dates.keySet()) {
            double watts = site.capacityWatts(date);
            for (var e : added.headMap(date, true).entrySet()) {
                watts += e.getValue();
            }
            MappingNode step = flowMap();
            put(step, "from", scalar(date.toString()));
            put(step, "power", scalar(plain(watts / 1e6) + " MW"));
            steps.add(step);
        }
        return new SequenceNode(org.yaml.snakeyaml.nodes.Tag.SEQ, steps, DumperOptions.FlowStyle.BLOCK);
    }

    private static String plain(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static MappingNode flowMap() {
        return new MappingNode(org.yaml.snakeyaml.nodes.Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.FLOW);
    }

    private static ScalarNode scalar(String value) {
        return new ScalarNode(
                RESOLVER.resolve(NodeId.scalar, value, true), value, null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    private static Node get(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static void put(MappingNode map, String key, Node value) {
        List<NodeTuple> tuples = map.getValue();
        for (int i = 0; i < tuples.size(); i++) {
            if (tuples.get(i).getKeyNode() instanceof ScalarNode k
                    && k.getValue().equals(key)) {
                tuples.set(i, new NodeTuple(k, value));
                return;
            }
        }
        tuples.add(new NodeTuple(scalar(key), value));
    }

    private static void remove(MappingNode map, String key) {
        map.getValue()
                .removeIf(t ->
                        t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key));
    }
}
