package dev.gigawatt.model;

import java.util.Locale;

/**
 * How one training job is split over its accelerators.
 *
 * @param tensor tensor-parallel degree (TP), with sequence parallelism
 * @param pipeline pipeline stages (PP)
 * @param data data-parallel replicas (DP)
 * @param context context-parallel degree (CP, ring attention)
 * @param expert expert-parallel degree (EP), carved out of DP×CP×TP for the expert layers
 * @param virtualStages model chunks per pipeline stage (interleaved 1F1B), 1 for plain 1F1B
 * @param microBatch sequences per micro-batch
 * @param recompute activation recomputation
 * @param recomputeShare with {@link Recompute#FULL}, the share of each stage's layers recomputed in full
 *     (the rest selectively, as Megatron's {@code --recompute-num-layers}); 0 otherwise
 * @param sharding data-parallel sharding of weights, gradients and optimizer states
 */
public record TrainingLayout(
        int tensor,
        int pipeline,
        int data,
        int context,
        int expert,
        int virtualStages,
        int microBatch,
        Recompute recompute,
        double recomputeShare,
        Sharding sharding) {
    public TrainingLayout {
        if (recompute != Recompute.FULL) {
            recomputeShare = 0;
        } else if (!(recomputeShare > 0 && recomputeShare <= 1)) {
            throw new IllegalArgumentException("recomputeShare must be above 0 and at most 1, got " + recomputeShare);
        }
        if (tensor < 1
                || pipeline < 1
                || data < 1
                || context < 1
                || expert < 1
                || virtualStages < 1
                || microBatch < 1) {
            throw new IllegalArgumentException("every parallel degree must be at least 1");
        }
    }

    /** A copy with other recomputation. */
    public TrainingLayout with(Recompute r, double share) {
        return new TrainingLayout(
                tensor, pipeline, data, context, expert, virtualStages, microBatch, r, share, sharding);
    }

    /** Accelerators the layout uses. */
    public long accelerators() {
        return (long) tensor * pipeline * data * context;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append("TP").append(tensor).append(" PP").append(pipeline);
        if (virtualStages > 1) {
            s.append(" VP").append(virtualStages);
        }
        s.append(" DP").append(data);
        if (context > 1) {
            s.append(" CP").append(context);
        }
        if (expert > 1) {
            s.append(" EP").append(expert);
        }
        s.append(" MBS").append(microBatch);
        if (recompute == Recompute.FULL && recomputeShare < 1) {
            s.append(String.format(Locale.ROOT, " full recompute of %.0f%% of layers", 100 * recomputeShare));
        } else if (recompute != Recompute.NONE) {
            s.append(' ').append(recompute.key()).append(" recompute");
        }
        if (sharding != Sharding.OPTIMIZER) {
            s.append(sharding == Sharding.FULL ? " FSDP" : " DDP");
        }
        return s.toString();
    }
}
