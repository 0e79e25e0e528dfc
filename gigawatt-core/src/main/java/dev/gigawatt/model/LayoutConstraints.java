package dev.gigawatt.model;

/**
 * The parts of a layout a job fixes; 0 (or null) leaves a part to the search.
 *
 * @param tensor fixed TP degree, or 0
 * @param pipeline fixed PP degree, or 0
 * @param context fixed CP degree, or 0
 * @param expert fixed EP degree, or 0
 * @param virtualStages fixed model chunks per stage, or 0
 * @param microBatch fixed micro-batch size, or 0
 * @param recompute fixed recomputation, or null
 * @param sharding fixed data-parallel sharding, or null
 */
public record LayoutConstraints(
        int tensor,
        int pipeline,
        int context,
        int expert,
        int virtualStages,
        int microBatch,
        Recompute recompute,
        Sharding sharding) {
    /** Nothing fixed. */
    public static final LayoutConstraints NONE = new LayoutConstraints(0, 0, 0, 0, 0, 0, null, null);

    /** True when every part is fixed except possibly recomputation. */
    public boolean complete() {
        return tensor > 0
                && pipeline > 0
                && context > 0
                && expert > 0
                && virtualStages > 0
                && microBatch > 0
                && sharding != null;
    }
}
