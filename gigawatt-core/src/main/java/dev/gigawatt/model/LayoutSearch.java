package dev.gigawatt.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The fastest layout that fits: a bounded, deterministic search over TP×PP×CP×EP×virtual stages×
 * micro-batch, with DP what is left of the accelerators, keeping every part the job fixes. For each
 * candidate it takes the least recomputation that fits (less recomputation is never slower).
 */
public final class LayoutSearch {
    private static final int[] POWERS = {1, 2, 4, 8, 16, 32, 64, 128};
    private static final int[] MICRO_BATCHES = {1, 2, 4, 8};
    private static final int[] VIRTUAL = {1, 2, 4, 8};
    private static final int LONG_SEQUENCE = 16_384;

    private LayoutSearch() {}

    /**
     * The fastest fitting layout on {@code accelerators}, or, when none fits, the one needing the least
     * memory (its {@link StepTime#fits()} is false).
     */
    public static StepTime best(TrainingSetup setup, long accelerators, LayoutConstraints fixed) {
        return best(setup, accelerators, fixed, false);
    }

    /**
     * As {@link #best(TrainingSetup, long, LayoutConstraints)}; with {@code flexibleBatch} the setup's
     * global batch is a target that each layout rounds up to a whole number of micro-batches per replica.
     */
    public static StepTime best(
            TrainingSetup setup, long accelerators, LayoutConstraints fixed, boolean flexibleBatch) {
        StepTime best = null;
        StepTime leanest = null;
        for (TrainingLayout candidate : candidates(setup, accelerators, fixed, flexibleBatch)) {
            long perStep = (long) candidate.data() * candidate.microBatch();
            TrainingSetup s = flexibleBatch
                    ? setup.withGlobalBatch(Math.max(1, (setup.globalBatch() + perStep - 1) / perStep) * perStep)
                    : setup;
            StepTime step = leastRecompute(s, candidate, fixed.recompute());
            if (step.fits()) {
                if (best == null || step.stepSeconds() < best.stepSeconds()) {
                    best = step;
                }
            } else if (leanest == null || step.memoryBytes() < leanest.memoryBytes()) {
                leanest = step;
            }
        }
        if (best != null) {
            return best;
        }
        if (leanest == null) {
            throw new IllegalArgumentException(
                    "no layout of " + accelerators + " accelerators divides a global batch of " + setup.globalBatch()
                            + " sequences under the fixed parts " + fixed);
        }
        return leanest;
    }

    private static StepTime leastRecompute(TrainingSetup setup, TrainingLayout layout, Recompute fixed) {
        if (fixed != null) {
            return StepTimeModel.step(setup, layout);
        }
        StepTime none = StepTimeModel.step(setup, layout.with(Recompute.NONE, 0));
        if (none.fits()) {
            return none;
        }
        StepTime selective = StepTimeModel.step(setup, layout.with(Recompute.SELECTIVE, 0));
        if (selective.fits()) {
            return selective;
        }
        StepTime full = StepTimeModel.step(setup, layout.with(Recompute.FULL, 1));
        double saved = selective.memoryBytes() - full.memoryBytes();
        if (!full.fits() || saved <= 0) {
            return full;
        }
        double stageLayers = (double) setup.model().layers() / layout.pipeline();
        double needed = (selective.memoryBytes() - selective.memoryLimitBytes()) / saved;
        double share = Math.min(1, Math.ceil(needed * stageLayers - 1e-9) / stageLayers);
        return StepTimeModel.step(setup, layout.with(Recompute.FULL, share));
    }

    static List<TrainingLayout> candidates(
            TrainingSetup setup, long accelerators, LayoutConstraints fixed, boolean flexibleBatch) {
        var model = setup.model();
        var shape = model.shape();
        int domain = setup.network().scaleUpDomain();
        List<TrainingLayout> out = new ArrayList<>();
        for (int tp : options(fixed.tensor(), POWERS)) {
            if (fixed.tensor() == 0 && (tp > Math.min(domain, 16) || model.heads() % tp != 0)) {
                continue;
            }
            for (int pp : options(fixed.pipeline(), POWERS)) {
                if (fixed.pipeline() == 0 && pp > model.layers() / 2 && pp > 1) {
                    continue;
                }
                for (int cp : options(fixed.context(), POWERS)) {
                    if (fixed.context() == 0 && cp > 1 && setup.sequenceLength() / cp < LONG_SEQUENCE / 2) {
                        continue;
                    }
                    long modelParallel = (long) tp * pp * cp;
                    if (accelerators % modelParallel != 0) {
                        continue;
                    }
                    int dp = (int) (accelerators / modelParallel);
                    for (int ep : options(fixed.expert(), POWERS)) {
                        if (fixed.expert() == 0
                                && ep > 1
                                && (!shape.isMoe() || shape.experts() % ep != 0 || ep > (long) dp * cp * tp)) {
                            continue;
                        }
                        for (int mbs : options(fixed.microBatch(), MICRO_BATCHES)) {
                            long perStep = (long) dp * mbs;
                            if (!flexibleBatch && setup.globalBatch() % perStep != 0) {
                                continue;
                            }
                            long micro = Math.max(1, (setup.globalBatch() + perStep - 1) / perStep);
                            for (int vp : options(fixed.virtualStages(), VIRTUAL)) {
                                if (fixed.virtualStages() == 0
                                        && vp > 1
                                        && (pp == 1 || micro % pp != 0 || model.layers() < pp * vp)) {
                                    continue;
                                }
                                for (Sharding sh : shardings(fixed.sharding(), pp)) {
                                    Recompute r = fixed.recompute() == null ? Recompute.NONE : fixed.recompute();
                                    out.add(new TrainingLayout(
                                            tp, pp, dp, cp, ep, vp, mbs, r, r == Recompute.FULL ? 1 : 0, sh));
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static int[] options(int fixed, int[] all) {
        return fixed > 0 ? new int[] {fixed} : all;
    }

    private static Sharding[] shardings(Sharding fixed, int pp) {
        if (fixed != null) {
            return new Sharding[] {fixed};
        }
        return pp == 1 ? new Sharding[] {Sharding.OPTIMIZER, Sharding.FULL} : new Sharding[] {Sharding.OPTIMIZER};
    }
}
