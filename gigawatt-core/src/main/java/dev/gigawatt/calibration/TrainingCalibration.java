package dev.gigawatt.calibration;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.NetworkSpec;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.catalog.TrainingEfficiency;
import dev.gigawatt.model.LayoutSearch;
import dev.gigawatt.model.StepConstants;
import dev.gigawatt.model.StepTime;
import dev.gigawatt.model.StepTimeModel;
import dev.gigawatt.model.TrainingSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Predicts every case of the training calibration set, and fits the few free efficiencies of the
 * step-time model to it.
 */
public final class TrainingCalibration {
    private static final int ITERATIONS_PER_PARAMETER = 80;
    private static final int RESTARTS = 3;

    private final TrainingCases cases;
    private final StepConstants constants;

    public TrainingCalibration(TrainingCases cases, StepConstants constants) {
        this.cases = cases;
        this.constants = constants;
    }

    public TrainingCases cases() {
        return cases;
    }

    /** Predictions with the efficiencies in the catalog. */
    public List<Prediction> predict() {
        return predict(FitSpace.catalogEfficiencies(cases.catalog()));
    }

    /** Predictions with {@code efficiencies} (family name to figures), each layout searched. */
    public List<Prediction> predict(Map<String, TrainingEfficiency> efficiencies) {
        List<Prediction> out = new ArrayList<>();
        for (TrainingCase c : cases.cases()) {
            out.add(predict(c, efficiencies, null));
        }
        return out;
    }

    /** One prediction; with {@code layoutFrom} the layout of that earlier prediction is kept instead of searched. */
    Prediction predict(TrainingCase c, Map<String, TrainingEfficiency> efficiencies, Prediction layoutFrom) {
        TrainingSetup setup = setup(c, efficiencies);
        StepTime step = layoutFrom == null
                ? LayoutSearch.best(setup, c.gpus(), c.fixed())
                : StepTimeModel.step(setup, layoutFrom.step().layout());
        double peak16 = c.accelerator().peakFlops(Precision.BF16);
        double predicted = c.quantity().predicted(step, c.flops().perToken(c.model(), c.sequenceLength()), peak16);
        return new Prediction(c, step, predicted, predicted / c.published() - 1);
    }

    private TrainingSetup setup(TrainingCase c, Map<String, TrainingEfficiency> efficiencies) {
        Catalog catalog = cases.catalog();
        TrainingEfficiency family = catalog.trainingEfficiency(c.accelerator())
                .map(e -> efficiencies.getOrDefault(e.name(), e))
                .orElseThrow(() -> new IllegalStateException(
                        "no training efficiency for " + c.accelerator().name()));
        NetworkSpec network = c.network() != null
                ? c.network()
                : catalog.networks().find(family.network()).orElseThrow();
        StepConstants k = c.balancedExperts() ? constants.withExpertImbalance(1) : constants;
        return new TrainingSetup(
                c.model(), c.accelerator(), c.precision(), family, network, c.sequenceLength(), c.globalBatch(), k);
    }

    /** The efficiencies that best fit {@code fitted} (layouts re-searched between rounds). */
    public Map<String, TrainingEfficiency> fit(List<TrainingCase> fitted) {
        FitSpace space = FitSpace.of(cases.catalog(), fitted);
        double[] x = space.start();
        List<Prediction> layouts = null;
        for (int round = 0; round < 3; round++) {
            Map<String, TrainingEfficiency> current = space.efficiencies(x);
            List<Prediction> now = new ArrayList<>();
            for (TrainingCase c : fitted) {
                now.add(predict(c, current, null));
            }
            layouts = now;
            x = minimise(space, fitted, layouts, x);
        }
        return space.efficiencies(x);
    }

    /**
     * Leave-one-out predictions: each counted case predicted by efficiencies fitted on all the other
     * counted cases, starting from the full fit and its layouts; a superseded case keeps its prediction
     * from the catalog's figures, which were fitted without it.
     */
    public List<Prediction> leaveOneOut() {
        List<TrainingCase> all = cases.cases();
        Map<String, TrainingEfficiency> full = FitSpace.catalogEfficiencies(cases.catalog());
        List<Prediction> base = new ArrayList<>();
        for (TrainingCase c : all) {
            base.add(predict(c, full, null));
        }
        List<Prediction> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!all.get(i).counted()) {
                // Never fitted, so the catalog's figures already leave it out.
                out.add(base.get(i));
                continue;
            }
            List<TrainingCase> rest = new ArrayList<>();
            List<Prediction> restLayouts = new ArrayList<>();
            for (int j = 0; j < all.size(); j++) {
                if (j != i && all.get(j).counted()) {
                    rest.add(all.get(j));
                    restLayouts.add(base.get(j));
                }
            }
            FitSpace restSpace = FitSpace.of(cases.catalog(), rest);
            double[] x = minimise(restSpace, rest, restLayouts, restSpace.encode(full));
            out.add(predict(all.get(i), restSpace.efficiencies(x), null));
        }
        return out;
    }

    private double[] minimise(FitSpace space, List<TrainingCase> fitted, List<Prediction> layouts, double[] x) {
        double[] best = x;
        for (int restart = 0; restart < RESTARTS; restart++) {
            best = simplex(space, fitted, layouts, best);
        }
        return best;
    }

    private double[] simplex(FitSpace space, List<TrainingCase> fitted, List<Prediction> layouts, double[] x) {
        return NelderMead.minimise(
                v -> {
                    Map<String, TrainingEfficiency> e = space.efficiencies(v);
                    double sum = 0;
                    for (int i = 0; i < fitted.size(); i++) {
                        double err = Math.log(
                                predict(fitted.get(i), e, layouts.get(i)).predicted()
                                        / fitted.get(i).published());
                        sum += err * err;
                    }
                    return sum / fitted.size() + space.prior(v);
                },
                x,
                0.3,
                ITERATIONS_PER_PARAMETER * x.length);
    }
}
