package dev.gigawatt.model;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.Precision;

/**
 * A mixture-of-experts replica of {@code D} accelerators with expert parallelism and data-parallel
 * attention, as large MoE deployments run it (TensorRT-LLM's {@code enable_attention_dp} with {@code --ep},
 * SGLang's DP attention with EP): each accelerator holds the weights outside the routed experts and
 * {@code 1/D} of the experts, runs attention on its own {@code B/D} sequences with their whole KV cache (no
 * KV head is replicated, no all-reduce), and every MoE layer sends each token to the accelerators holding
 * its experts and back (two all-to-alls).
 *
 * <p>A step reads the shared weights once per accelerator and the experts the whole batch of {@code B}
 * tokens reaches; each reached expert's GEMM carries its share of all {@code B} tokens, which is why EP
 * lets expert GEMMs grow with the replica. Prefill is counted per accelerator with the others prefilling
 * alongside it, so the experts see {@code D} prompts together. All times in seconds, sizes in bytes.
 *
 * @see <a href="https://arxiv.org/abs/2412.19437">DeepSeek-AI, DeepSeek-V3 Technical Report, 2024, Section 3.4</a>
 * @see <a href="https://arxiv.org/abs/2006.16668">Lepikhin et al., GShard, ICLR 2021</a>
 */
final class ExpertParallelReplica implements ReplicaTimes {
    private static final double ACTIVATION_BYTES_PER_VALUE = 2;

    private final ModelSpec model;
    private final ExpertRouting routing;
    private final int degree;
    private final double inputTokens;
    private final double prefillTokens;
    private final double cachedTokens;
    private final double outputTokens;
    private final double weightBytesPerParameter;
    private final double kvBytesPerToken;
    private final double flopsPerSecond;
    private final double attentionFlopsPerSecond;
    private final double bytesPerSecond;
    private final double memoryBytes;
    private final double activationBytes;
    private final ServingEfficiency efficiency;
    private final Links links;

    /** {@code setup}'s model with its experts spread over its layout's {@code expert} accelerators. */
    ExpertParallelReplica(ServingSetup setup) {
        Accelerator accelerator = setup.accelerator();
        ModelSpec model = setup.model();
        Precision precision = setup.precision();
        int degree = setup.layout().expert();
        double inputTokens = setup.inputTokens();
        double outputTokens = setup.outputTokens();
        double cachedInputShare = setup.cachedInputShare();
        ServingEfficiency efficiency = setup.efficiency();
        this.model = model;
        this.routing = ExpertRouting.of(model);
        this.degree = degree;
        this.inputTokens = inputTokens;
        this.cachedTokens = inputTokens * cachedInputShare;
        this.prefillTokens = inputTokens - cachedTokens;
        this.outputTokens = outputTokens;
        this.efficiency = efficiency;
        this.links = new Links(efficiency.network(), efficiency.communication());
        this.weightBytesPerParameter = precision.bytes();
        this.kvBytesPerToken = model.kvCacheBytesPerToken(Math.max(1.0, precision.bytes()));
        this.flopsPerSecond = accelerator.peakFlops(precision);
        Precision attention = accelerator.supports(Precision.BF16)
                ? Precision.BF16
                : accelerator.supports(Precision.FP16) ? Precision.FP16 : precision;
        this.attentionFlopsPerSecond = accelerator.peakFlops(attention) * efficiency.gemm();
        this.bytesPerSecond = accelerator.memoryBandwidthBytesPerSecond() * efficiency.memoryBandwidth();
        this.memoryBytes = accelerator.memoryBytes() * efficiency.usableMemory();
        this.activationBytes = prefillTokens
                * model.hiddenSize()
                * ACTIVATION_BYTES_PER_VALUE
                * efficiency.activationValuesPerHidden();
    }

    /** Parameters outside the routed experts, which every accelerator holds. */
    private double sharedParameters() {
        return model.parameters() - routing.routedParameters();
    }

    /** Routed-expert parameters one accelerator holds: {@code ⌈E/EP⌉} experts' slots (spares are redundant copies). */
    private double routedParametersPerAccelerator() {
        int slots = (routing.experts() + degree - 1) / degree;
        return routing.routedParameters() / routing.experts() * slots;
    }

    private double weightBytesPerAccelerator() {
        return (sharedParameters() + routedParametersPerAccelerator()) * weightBytesPerParameter;
    }

    @Override
    public double memoryBytes() {
        return memoryBytes;
    }

    @Override
    public double bytesForOneSequence() {
        return weightBytesPerAccelerator() + activationBytes + kvBytesPerToken * (inputTokens + outputTokens);
    }

    @Override
    public long maxBatchByMemory() {
        double free = memoryBytes - weightBytesPerAccelerator() - activationBytes;
        return free <= 0 ? 0 : degree * (long) Math.floor(free / (kvBytesPerToken * (inputTokens + outputTokens)));
    }

    private double meanContext() {
        return inputTokens + outputTokens / 2;
    }

    /**
     * GEMM seconds on one accelerator for {@code own} of its tokens while the replica routes {@code all}:
     * its shared GEMMs carry its own tokens, its experts' GEMMs their share of everyone's.
     */
    private double gemmSeconds(double own, double all) {
        double routedFlops = 2 * routing.routedActiveParameters();
        double sharedFlops = 2 * model.activeParameters() - routedFlops;
        return own
                * (sharedFlops / efficiency.gemmAt(own) + routedFlops / efficiency.gemmAt(routing.tokensPerExpert(all)))
                / flopsPerSecond;
    }

    private double weightReadSeconds(double all) {
        double read = sharedParameters() + routedParametersPerAccelerator() * routing.reachedShare(all);
        return read * weightBytesPerParameter / bytesPerSecond;
    }

    /** Dispatch and combine of {@code own} tokens through every MoE layer, s. */
    private double allToAllSeconds(double own) {
        if (degree == 1 || own <= 0) {
            return 0;
        }
        double ranksReached = degree * (1 - Math.pow(1 - 1.0 / degree, routing.expertsPerToken()));
        double bytes = own * ranksReached * model.hiddenSize() * ACTIVATION_BYTES_PER_VALUE;
        return 2.0 * model.shape().moeLayers() * links.allToAll(bytes, degree);
    }

    private double attentionFlopsPerToken() {
        return model.decodeAttentionFlops(meanContext());
    }

    private double own(long batch) {
        return (double) batch / degree;
    }

    @Override
    public double decodeComputeSeconds(long batch) {
        return gemmSeconds(own(batch), batch) + own(batch) * attentionFlopsPerToken() / attentionFlopsPerSecond;
    }

    @Override
    public double decodeMemorySeconds(long batch) {
        return weightReadSeconds(batch) + own(batch) * kvBytesPerToken * meanContext() / bytesPerSecond;
    }

    @Override
    public double decodeStepSeconds(long batch) {
        double own = own(batch);
        return Math.max(gemmSeconds(own, batch), weightReadSeconds(batch))
                + Math.max(
                        own * attentionFlopsPerToken() / attentionFlopsPerSecond,
                        own * kvBytesPerToken * meanContext() / bytesPerSecond)
                + allToAllSeconds(own);
    }

    @Override
    public double decodePeakComputeSeconds(long batch) {
        return own(batch)
                * (2 * model.activeParameters() / flopsPerSecond
                        + attentionFlopsPerToken() * efficiency.gemm() / attentionFlopsPerSecond);
    }

    @Override
    public double decodePeakMemorySeconds(long batch) {
        return decodeMemorySeconds(batch) * efficiency.memoryBandwidth();
    }

    @Override
    public double prefillPeakComputeSeconds() {
        return prefillTokens * 2 * model.activeParameters() / flopsPerSecond
                + prefillAttentionFlops() * efficiency.gemm() / attentionFlopsPerSecond;
    }

    @Override
    public double prefillPeakMemorySeconds() {
        return weightReadSeconds(degree * prefillTokens) * efficiency.memoryBandwidth();
    }

    private double prefillAttentionFlops() {
        return model.prefillAttentionFlops(inputTokens) - model.prefillAttentionFlops(cachedTokens);
    }

    @Override
    public double prefillSeconds() {
        double attention = prefillAttentionFlops() / attentionFlopsPerSecond;
        return Math.max(gemmSeconds(prefillTokens, degree * prefillTokens), weightReadSeconds(degree * prefillTokens))
                + attention
                + allToAllSeconds(prefillTokens);
    }

    @Override
    public int prefillLanes() {
        return degree;
    }

    @Override
    public double promptsPerStep(long batch) {
        return own(batch) / outputTokens;
    }

    @Override
    public double tpotSeconds(long batch) {
        return decodeStepSeconds(batch) + own(batch) * prefillSeconds() / outputTokens;
    }
}
