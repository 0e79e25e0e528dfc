package dev.gigawatt.calibration;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.ServingFamily;
import dev.gigawatt.model.InferenceModel;
import dev.gigawatt.model.ReplicaPerformance;
import dev.gigawatt.model.ServingEfficiency;
import dev.gigawatt.model.ServingSetup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Predicts every case of the serving calibration set, and fits the serving model's few free figures to
 * it: one GEMM ceiling per accelerator family, one GEMM half-tokens and one HBM share for all of them.
 */
public final class ServingCalibration {
    private static final int ITERATIONS_PER_PARAMETER = 150;
    private static final int RESTARTS = 3;

    private final ServingCases cases;
    private final Assumptions assumptions;

    public ServingCalibration(ServingCases cases, Assumptions assumptions) {
        this.cases = cases;
        this.assumptions = assumptions;
    }

    public ServingCases cases() {
        return cases;
    }

    /** The figures in the catalog, for the families the cases use. */
    public ServingFigures catalogFigures() {
        Map<String, Double> gemm = new LinkedHashMap<>();
        double half = Double.NaN;
        double memory = Double.NaN;
        for (ServingCase c : cases.cases()) {
            ServingFamily f = family(c);
            gemm.put(f.name(), f.gemm());
            half = f.gemmHalfTokens();
            memory = f.memory();
        }
        return new ServingFigures(gemm, half, memory);
    }

    /** Predictions with the figures in the catalog. */
    public List<ServingPrediction> predict() {
        return predict(cases.cases(), catalogFigures());
    }

    /** Predictions of {@code list} with {@code figures}. */
    public List<ServingPrediction> predict(List<ServingCase> list, ServingFigures figures) {
        List<ServingPrediction> out = new ArrayList<>();
        for (ServingCase c : list) {
            out.add(predict(c, figures));
        }
        return out;
    }

    ServingPrediction predict(ServingCase c, ServingFigures figures) {
        ServingEfficiency e = ServingEfficiency.of(assumptions, cases.catalog(), c.accelerator(), null)
                .with(figures.gemm().get(family(c).name()), figures.gemmHalfTokens(), figures.memory());
        // An expert-parallel case (EP > 0) spreads its experts over EP accelerators; the others run TP x PP.
        ServingSetup setup = ServingSetup.of(
                c.accelerator(),
                c.model(),
                c.precision(),
                c.tensorParallel(),
                c.pipelineParallel(),
                c.expertParallel(),
                c.inputTokens(),
                c.outputTokens(),
                e);
        // A run at a stated concurrency is modelled at it; one that does not state it, at the batch that fits.
        ReplicaPerformance p = c.quantity().atConcurrency() && c.concurrency() > 0
                ? InferenceModel.atBatch(setup, c.concurrency())
                : InferenceModel.offline(setup);
        double predicted = c.quantity().predicted(p, c.accelerators(), c.perAccelerators());
        return new ServingPrediction(c, predicted, predicted / c.published() - 1);
    }

    /** The figures that best fit {@code fitted}, in log error, from the catalog's figures. */
    public ServingFigures fit(List<ServingCase> fitted) {
        List<String> families = families(fitted);
        double[] x = encode(families, catalogFigures());
        for (int restart = 0; restart < RESTARTS; restart++) {
            x = NelderMead.minimise(
                    v -> {
                        ServingFigures f = decode(families, v);
                        double sum = 0;
                        for (ServingCase c : fitted) {
                            double err = Math.log(predict(c, f).predicted() / c.published());
                            sum += Double.isFinite(err) ? err * err : 100;
                        }
                        return sum / fitted.size();
                    },
                    x,
                    0.3,
                    ITERATIONS_PER_PARAMETER * x.length);
        }
        return decode(families, x);
    }

    /** Leave-one-out predictions: each case predicted by figures fitted on all the others. */
    public List<ServingPrediction> leaveOneOut() {
        List<ServingCase> all = cases.cases();
        ServingFigures full = catalogFigures();
        List<ServingPrediction> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            List<ServingCase> rest = new ArrayList<>(all);
            ServingCase left = rest.remove(i);
            ServingFigures f = fit(rest);
            Map<String, Double> gemm = new LinkedHashMap<>(full.gemm());
            gemm.putAll(f.gemm());
            out.add(predict(left, new ServingFigures(gemm, f.gemmHalfTokens(), f.memory())));
        }
        return out;
    }

    private ServingFamily family(ServingCase c) {
        return cases.catalog()
                .servingFamily(c.accelerator())
                .orElseThrow(() -> new IllegalStateException(
                        "no serving family for " + c.accelerator().name()));
    }

    private List<String> families(List<ServingCase> list) {
        TreeSet<String> names = new TreeSet<>();
        list.forEach(c -> names.add(family(c).name()));
        return List.copyOf(names);
    }

    private static double[] encode(List<String> families, ServingFigures f) {
        double[] x = new double[families.size() + 2];
        for (int i = 0; i < families.size(); i++) {
            x[i] = logit(f.gemm().get(families.get(i)));
        }
        x[families.size()] = Math.log(f.gemmHalfTokens());
        x[families.size() + 1] = logit(f.memory());
        return x;
    }

    private static ServingFigures decode(List<String> families, double[] x) {
        Map<String, Double> gemm = new LinkedHashMap<>();
        for (int i = 0; i < families.size(); i++) {
            gemm.put(families.get(i), logistic(x[i]));
        }
        return new ServingFigures(gemm, Math.exp(x[families.size()]), logistic(x[families.size() + 1]));
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
