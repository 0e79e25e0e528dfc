package dev.gigawatt.calibration;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.model.InferenceModel;
import dev.gigawatt.model.PowerModel;
import dev.gigawatt.model.ServingEfficiency;
import dev.gigawatt.model.ServingPowerShares;
import dev.gigawatt.model.ServingSetup;
import java.util.ArrayList;
import java.util.List;

/**
 * Predicts every case of the power calibration set and fits the power models' three free figures: the
 * serving shares of dynamic power per unit of compute and of memory activity (on the serving power cases),
 * and a busy training node's share of its nameplate (on the training node cases). The serving replica's
 * step times are the serving calibration's, unchanged.
 */
public final class PowerCalibration {
    private static final int ITERATIONS = 400;

    private final PowerCases cases;
    private final Assumptions assumptions;

    public PowerCalibration(PowerCases cases, Assumptions assumptions) {
        this.cases = cases;
        this.assumptions = assumptions;
    }

    public PowerCases cases() {
        return cases;
    }

    /** The figures in {@code assumptions.yaml}. */
    public PowerFigures catalogFigures() {
        return new PowerFigures(
                ServingPowerShares.of(assumptions), assumptions.fraction("power.busyFractionOfNameplate"));
    }

    /** Predictions with the catalog's figures. */
    public List<PowerPrediction> predict() {
        return predict(cases.cases(), catalogFigures());
    }

    /** Predictions of {@code list} with {@code figures}. */
    public List<PowerPrediction> predict(List<PowerCase> list, PowerFigures figures) {
        List<PowerPrediction> out = new ArrayList<>();
        for (PowerCase c : list) {
            out.add(predict(c, figures));
        }
        return out;
    }

    PowerPrediction predict(PowerCase c, PowerFigures figures) {
        double predicted = c.quantity() == PowerQuantity.NODE_POWER
                ? figures.busyFractionOfNameplate() * nameplateWatts(c)
                : serving(c, figures.serving());
        return new PowerPrediction(c, predicted, predicted / c.published() - 1);
    }

    /** A training node's nameplate: its accelerators' TDP and the host's full-load power, W. */
    static double nameplateWatts(PowerCase c) {
        int n = c.server().acceleratorsPerServer();
        return n
                * PowerModel.itWattsPerAccelerator(
                        c.accelerator().idlePowerWatts(),
                        c.accelerator().tdpWatts(),
                        c.server().hostIdlePowerWatts(),
                        c.server().hostPowerWatts(),
                        n,
                        1);
    }

    /**
     * The replica's GPU power at the case's batch, from the step model's work and times; energy per output
     * token is that power over the run's measured throughput.
     */
    private double serving(PowerCase c, ServingPowerShares shares) {
        ServingEfficiency e = ServingEfficiency.of(assumptions, cases.catalog(), c.accelerator(), null);
        double perAccelerator = InferenceModel.acceleratorWattsAtBatch(
                ServingSetup.of(
                        c.accelerator(),
                        c.model(),
                        c.precision(),
                        c.tensorParallel(),
                        1,
                        c.expertParallel(),
                        c.inputTokens(),
                        c.outputTokens(),
                        e),
                c.batch(),
                shares);
        double watts = c.accelerators() * perAccelerator;
        return c.quantity() == PowerQuantity.ENERGY_PER_TOKEN ? watts / c.outputTokensPerSecond() : watts;
    }

    /**
     * The figures that best fit {@code fitted}: the serving shares in log error over its serving power
     * cases, the busy fraction as the geometric mean of its node cases' published/nameplate; a figure with
     * no case to fit keeps the catalog's value.
     */
    public PowerFigures fit(List<PowerCase> fitted) {
        PowerFigures start = catalogFigures();
        List<PowerCase> serving =
                fitted.stream().filter(PowerCase::fitsServingShares).toList();
        ServingPowerShares shares = start.serving();
        if (!serving.isEmpty()) {
            double[] x = NelderMead.minimise(
                    v -> {
                        ServingPowerShares s = new ServingPowerShares(Math.exp(v[0]), Math.exp(v[1]));
                        double sum = 0;
                        for (PowerCase c : serving) {
                            double err = Math.log(serving(c, s) / c.published());
                            sum += Double.isFinite(err) ? err * err : 100;
                        }
                        return sum / serving.size();
                    },
                    new double[] {Math.log(shares.compute()), Math.log(shares.memory())},
                    0.3,
                    ITERATIONS);
            shares = new ServingPowerShares(Math.exp(x[0]), Math.exp(x[1]));
        }
        List<PowerCase> nodes = fitted.stream()
                .filter(c -> c.quantity() == PowerQuantity.NODE_POWER)
                .toList();
        double busy = start.busyFractionOfNameplate();
        if (!nodes.isEmpty()) {
            busy = Math.exp(nodes.stream()
                    .mapToDouble(c -> Math.log(c.published() / nameplateWatts(c)))
                    .average()
                    .orElseThrow());
        }
        return new PowerFigures(shares, busy);
    }

    /** Leave-one-out predictions: each case predicted by figures fitted on all the others. */
    public List<PowerPrediction> leaveOneOut() {
        List<PowerCase> all = cases.cases();
        List<PowerPrediction> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            List<PowerCase> rest = new ArrayList<>(all);
            PowerCase left = rest.remove(i);
            out.add(predict(left, fit(rest)));
        }
        return out;
    }
}
