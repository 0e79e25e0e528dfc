package dev.gigawatt.model;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.Precision;
import java.util.Locale;

/**
 * Roofline model of LLM serving with continuous batching, per replica of {@code TP×PP} accelerators.
 *
 * <p>A decode step of batch {@code b} runs the GEMMs ({@code 2·N_active} FLOPs per token, reading the
 * weights once) and then attention (reading each sequence's KV cache); each kernel takes the longer of
 * its memory time and compute time, and the step is their sum (they run one after the other), plus tensor-parallel all-reduces costed over the network tier the TP group spans (the
 * step-time model's {@link Links}). Prefills are interleaved with decode steps, so the
 * time a user waits per output token is {@code step + b·prefill/outputTokens}. The operating point is
 * the largest batch whose KV cache fits and whose TPOT and TTFT meet the objectives.
 *
 * <p>The share of peak FLOP/s a step reaches grows with the tokens each GEMM carries (the micro-batch
 * in decode, the prompt in prefill): {@code gemm × T / (T + T½)}, per accelerator family
 * ({@link ServingEfficiency#gemmAt}). Attention runs in 16 bits at the ceiling {@code gemm} of that
 * peak; FP8 and FP4 apply to the GEMMs only.
 *
 * <p>In a mixture-of-experts model a step reads only the routed experts its tokens reach, and each
 * expert's GEMM carries only the tokens routed to it ({@link ExpertRouting}), so MoE decode stays
 * memory-bound and its expert GEMMs inefficient until the batch is large.
 *
 * <p>Only layouts {@link ServingLayout} accepts run. Once TP exceeds the KV heads each rank keeps a copy
 * of its KV head, so the cache (and the bytes read per step) grows by {@code TP / kvHeads}. Every
 * accelerator also reserves the activations of one prompt's prefill through a layer.
 *
 * @see <a href="https://doi.org/10.1145/1498765.1498785">Williams, Waterman, Patterson, Roofline, CACM 52(4), 2009</a>
 * @see <a href="https://arxiv.org/abs/2211.05102">Pope et al., Efficiently Scaling Transformer Inference, MLSys 2023</a>
 * @see <a href="https://arxiv.org/abs/2309.06180">Kwon et al., PagedAttention/vLLM, SOSP 2023</a>
 */
public final class InferenceModel {
    /** Activations are kept in 16 bits whatever the weights' precision. */
    private static final double ACTIVATION_BYTES_PER_VALUE = 2;

    private InferenceModel() {}

    private static final ReplicaPerformance NOT_RUNNABLE =
            new ReplicaPerformance(0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);

    /**
     * The operating point of {@code setup}: the largest batch whose TTFT and TPOT meet the objectives.
     *
     * @param ttftSloSeconds time-to-first-token objective, s (infinite for offline throughput)
     * @param tpotSloSeconds time-per-output-token objective, s (infinite for offline throughput)
     */
    public static ReplicaPerformance replica(ServingSetup setup, double ttftSloSeconds, double tpotSloSeconds) {
        ReplicaTimes r = times(setup);
        return r == null ? NOT_RUNNABLE : operate(r, ttftSloSeconds, tpotSloSeconds);
    }

    /** Offline throughput (no latency objectives): the batch is limited by memory only. */
    public static ReplicaPerformance offline(ServingSetup setup) {
        return replica(setup, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * The replica at a stated concurrency ({@code clients} closed-loop clients over the whole replica), as a
     * benchmark client at fixed concurrency sees it: the sequences whose KV cache fits run, the others wait
     * for a slot ({@link ServingQueue#closedLoopWaitSeconds}), and the TTFT includes that wait.
     */
    public static ReplicaPerformance atBatch(ServingSetup setup, long clients) {
        ReplicaTimes r = times(setup);
        if (r == null) {
            return NOT_RUNNABLE;
        }
        long maxBatch = r.maxBatchByMemory();
        long b = Math.min(clients, maxBatch);
        if (b < 1) {
            return new ReplicaPerformance(
                    maxBatch, 0, 0, Double.NaN, Double.NaN, Double.NaN, r.prefillSeconds(), false);
        }
        return new ReplicaPerformance(
                maxBatch,
                b,
                b / r.tpotSeconds(b),
                r.tpotSeconds(b),
                r.ttftSeconds(b) + ServingQueue.closedLoopWaitSeconds(r, clients, b, setup.outputTokens()),
                r.decodeStepSeconds(b),
                r.prefillSeconds(),
                r.decodeComputeSeconds(b) > r.decodeMemorySeconds(b));
    }

    /**
     * The replica under open-loop Poisson arrivals at the largest rate whose {@code percentile} TTFT and
     * TPOT meet the objectives, as MLPerf's server scenario sizes it ({@link ServingQueue}).
     *
     * @param percentile the objectives' percentile, 0..1 (0.99 for p99)
     */
    public static ServerPerformance server(
            ServingSetup setup, double ttftSloSeconds, double tpotSloSeconds, double percentile) {
        ReplicaTimes r = times(setup);
        return r == null
                ? ServerPerformance.NONE
                : ServingQueue.server(r, setup.outputTokens(), ttftSloSeconds, tpotSloSeconds, percentile);
    }

    /**
     * Mean power of one accelerator of the replica at {@code loadShare} of the throughput it reaches with
     * {@code batch} sequences in flight (at most the batch that fits), prefills included ({@link
     * ServingPower}); a disaggregated unit's mean over its accelerators; NaN for a layout that cannot run.
     * Host power is not included.
     *
     * @param batch sequences in flight at full load
     * @param loadShare share of that throughput the replica serves on average, 0..1
     */
    public static double acceleratorWatts(ServingSetup setup, long batch, double loadShare, ServingPowerShares shares) {
        ReplicaTimes r = times(setup);
        long b = r == null ? 0 : Math.min(batch, r.maxBatchByMemory());
        if (b < 1) {
            return Double.NaN;
        }
        Accelerator a = setup.accelerator();
        return ServingPower.atLoad(r, b, loadShare, a.idlePowerWatts(), a.tdpWatts(), shares);
    }

    /**
     * Mean power of one accelerator of the replica with {@code batch} sequences in flight (at most the batch
     * that fits), prefills included, at that batch alone (no running maximum over smaller batches, unlike
     * {@link #acceleratorWatts}); NaN for a layout that cannot run.
     */
    public static double acceleratorWattsAtBatch(ServingSetup setup, long batch, ServingPowerShares shares) {
        ReplicaTimes r = times(setup);
        long b = r == null ? 0 : Math.min(batch, r.maxBatchByMemory());
        if (b < 1) {
            return Double.NaN;
        }
        Accelerator a = setup.accelerator();
        return ServingPower.atBatch(r, b, a.idlePowerWatts(), a.tdpWatts(), shares);
    }

    /**
     * Why the layout cannot serve within the objectives, and by how much: the memory it lacks for the
     * weights, activations and one sequence, else the TTFT or TPOT it misses at batch 1 (the smallest
     * latency it can reach), whichever is further off.
     */
    public static ServingShortfall shortfall(ServingSetup setup, double ttftSloSeconds, double tpotSloSeconds) {
        String invalid = ServingLayout.invalidReason(setup.model(), setup.layout());
        if (invalid != null) {
            return new ServingShortfall(Double.POSITIVE_INFINITY, invalid);
        }
        ReplicaTimes r = times(setup);
        if (r.maxBatchByMemory() < 1) {
            double need = r.bytesForOneSequence();
            return new ServingShortfall(
                    need / r.memoryBytes(),
                    String.format(
                            Locale.ROOT,
                            "weights, activations and one sequence's KV cache need %.0f GB, the replica has %.0f GB",
                            need / 1e9,
                            r.memoryBytes() / 1e9));
        }
        double tpot = r.tpotSeconds(1) / tpotSloSeconds;
        double ttft = r.ttftSeconds(1) / ttftSloSeconds;
        boolean tpotBinds = tpot >= ttft;
        return new ServingShortfall(
                Math.max(tpot, ttft),
                String.format(
                        Locale.ROOT,
                        "%s at batch 1 is %.1f ms against %.1f ms",
                        tpotBinds ? "TPOT" : "TTFT",
                        1e3 * (tpotBinds ? r.tpotSeconds(1) : r.ttftSeconds(1)),
                        1e3 * (tpotBinds ? tpotSloSeconds : ttftSloSeconds)));
    }

    /** The largest batch of {@code r} that meets both objectives. */
    private static ReplicaPerformance operate(ReplicaTimes r, double ttftSloSeconds, double tpotSloSeconds) {
        long maxBatch = r.maxBatchByMemory();
        if (maxBatch < 1) {
            return new ReplicaPerformance(0, 0, 0, Double.NaN, Double.NaN, Double.NaN, r.prefillSeconds(), false);
        }
        long lo = 0;
        long hi = maxBatch;
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (r.tpotSeconds(mid) <= tpotSloSeconds && r.ttftSeconds(mid) <= ttftSloSeconds) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        long b = lo;
        long shown = Math.max(1, b);
        return new ReplicaPerformance(
                maxBatch,
                b,
                b == 0 ? 0 : shown / r.tpotSeconds(shown),
                r.tpotSeconds(shown),
                r.ttftSeconds(shown),
                r.decodeStepSeconds(shown),
                r.prefillSeconds(),
                r.decodeComputeSeconds(shown) > r.decodeMemorySeconds(shown));
    }

    /** The setup's times: a replica, an expert-parallel replica or a disaggregated unit; null for a layout that cannot run. */
    private static ReplicaTimes times(ServingSetup s) {
        Parallelism layout = s.layout();
        if (ServingLayout.invalidReason(s.model(), layout) != null) {
            return null;
        }
        if (layout.expert() > 0) {
            return new ExpertParallelReplica(s);
        }
        Replica decode = new Replica(s, layout.tensor(), layout.pipeline(), s.outputTokens());
        if (!layout.disaggregated()) {
            return decode;
        }
        Replica prefill = new Replica(s, layout.prefillTensor(), 1, 0);
        double kvBytesPerPrompt =
                s.model().kvCacheBytesPerToken(Math.max(1.0, s.precision().bytes())) * s.inputTokens();
        return new DisaggregatedUnit(
                prefill,
                decode,
                layout.prefillTensor(),
                layout.prefillInstances(),
                layout.tensor() * layout.pipeline(),
                layout.decodeInstances(),
                s.outputTokens(),
                kvBytesPerPrompt,
                new Links(s.efficiency().network(), s.efficiency().communication()));
    }

    /**
     * The quantities of one replica configuration; all times in seconds, sizes in bytes.
     *
     * <p>Pipeline parallelism splits the batch into PP micro-batches that flow through PP stages of
     * TP accelerators each: a token's latency crosses every stage, and each micro-batch reads its
     * stage's weights again, so PP adds memory capacity and throughput but not per-token speed.
     */
    private static final class Replica implements ReplicaTimes {
        private final ModelSpec model;
        private final int tensorParallel;
        private final int pipelineParallel;
        private final double outputTokens;
        private final double inputTokens;
        private final double prefillTokens;
        private final double cachedTokens;
        private final double weightBytesPerParameter;
        private final double kvBytesPerToken;
        private final double stageFlopsPerSecond;
        private final double stageAttentionFlopsPerSecond;
        private final double stageBytesPerSecond;
        private final double memoryBytes;
        private final double activationBytes;
        private final ServingEfficiency efficiency;
        private final Links links;
        private final ExpertRouting routing;
        // The prefill's parts do not depend on the batch: computed once, read at every batch tried.
        private final double prefillGemmSeconds;
        private final double prefillWeightsReadSeconds;
        private final double prefillAttentionSeconds;
        private final double prefillCollectiveSeconds;

        /** {@code setup}'s model on {@code tensorParallel × pipelineParallel} of its accelerators. */
        Replica(ServingSetup setup, int tensorParallel, int pipelineParallel, double outputTokens) {
            Accelerator accelerator = setup.accelerator();
            ModelSpec model = setup.model();
            Precision precision = setup.precision();
            double inputTokens = setup.inputTokens();
            double cachedInputShare = setup.cachedInputShare();
            ServingEfficiency efficiency = setup.efficiency();
            this.model = model;
            this.tensorParallel = tensorParallel;
            this.pipelineParallel = pipelineParallel;
            this.inputTokens = inputTokens;
            this.cachedTokens = inputTokens * cachedInputShare;
            this.prefillTokens = inputTokens - cachedTokens;
            this.outputTokens = outputTokens;
            this.efficiency = efficiency;
            this.links = new Links(efficiency.network(), efficiency.communication());
            this.routing = ExpertRouting.of(model);
            this.weightBytesPerParameter = precision.bytes();
            this.kvBytesPerToken = model.kvCacheBytesPerToken(Math.max(1.0, precision.bytes()))
                    * ServingLayout.storedKvHeads(model, tensorParallel)
                    / model.kvHeads();
            this.activationBytes = (double) tensorParallel
                    * pipelineParallel
                    * prefillTokens
                    * model.hiddenSize()
                    * ACTIVATION_BYTES_PER_VALUE
                    * efficiency.activationValuesPerHidden();
            this.stageFlopsPerSecond = tensorParallel * accelerator.peakFlops(precision);
            Precision attention = accelerator.supports(Precision.BF16)
                    ? Precision.BF16
                    : accelerator.supports(Precision.FP16) ? Precision.FP16 : precision;
            this.stageAttentionFlopsPerSecond = tensorParallel * accelerator.peakFlops(attention) * efficiency.gemm();
            this.stageBytesPerSecond =
                    tensorParallel * accelerator.memoryBandwidthBytesPerSecond() * efficiency.memoryBandwidth();
            this.memoryBytes =
                    (double) tensorParallel * pipelineParallel * accelerator.memoryBytes() * efficiency.usableMemory();
            this.prefillGemmSeconds = prefillTokens * gemmSecondsPerToken(prefillTokens);
            this.prefillWeightsReadSeconds =
                    weightsReadPerPass(prefillTokens) * weightBytesPerParameter / stageBytesPerSecond;
            this.prefillAttentionSeconds = prefillAttentionFlops() / stageAttentionFlopsPerSecond;
            this.prefillCollectiveSeconds = collectiveSeconds(prefillTokens);
        }

        @Override
        public double memoryBytes() {
            return memoryBytes;
        }

        @Override
        public double bytesForOneSequence() {
            return model.parameters() * weightBytesPerParameter
                    + activationBytes
                    + kvBytesPerToken * (inputTokens + outputTokens);
        }

        @Override
        public long maxBatchByMemory() {
            double free = memoryBytes - model.parameters() * weightBytesPerParameter - activationBytes;
            return free <= 0 ? 0 : (long) Math.floor(free / (kvBytesPerToken * (inputTokens + outputTokens)));
        }

        /** Mean context length a sequence attends to while decoding. */
        double meanContext() {
            return inputTokens + outputTokens / 2;
        }

        /** GEMM FLOPs to generate one token: 2 per active parameter. */
        double gemmFlopsPerToken() {
            return 2 * model.activeParameters();
        }

        /** Attention FLOPs to generate one token over the mean context (a new token sees all of it). */
        double attentionFlopsPerToken() {
            return model.decodeAttentionFlops(meanContext());
        }

        double microBatch(long batch) {
            return (double) batch / pipelineParallel;
        }

        double decodeGemmComputeSeconds(long batch) {
            return batch * gemmSecondsPerToken(microBatch(batch)) / pipelineParallel;
        }

        /**
         * GEMM seconds per token on one stage when {@code tokens} tokens go through it together: the shared
         * weights' GEMMs carry all of them, each reached expert's GEMM only its share.
         */
        double gemmSecondsPerToken(double tokens) {
            double routedFlops = 2 * routing.routedActiveParameters();
            double sharedFlops = gemmFlopsPerToken() - routedFlops;
            double seconds = sharedFlops / efficiency.gemmAt(tokens);
            if (routing.routed()) {
                seconds += routedFlops / efficiency.gemmAt(routing.tokensPerExpert(tokens));
            }
            return seconds / stageFlopsPerSecond;
        }

        /** Weights a stage reads when {@code tokens} tokens go through it together: the routed experts they reach. */
        double weightsReadPerPass(double tokens) {
            if (!routing.routed()) {
                return Math.min(model.parameters(), model.activeParameters() * Math.max(1, tokens));
            }
            return model.parameters()
                    - routing.routedParameters()
                    + routing.routedParameters() * routing.reachedShare(Math.max(1, tokens));
        }

        double decodeAttentionComputeSeconds(long batch) {
            return batch * attentionFlopsPerToken() / (pipelineParallel * stageAttentionFlopsPerSecond);
        }

        double weightReadSeconds(long batch) {
            return weightsReadPerPass(microBatch(batch)) * weightBytesPerParameter / stageBytesPerSecond;
        }

        double kvReadSeconds(long batch) {
            return microBatch(batch) * kvBytesPerToken * meanContext() / stageBytesPerSecond;
        }

        @Override
        public double decodeComputeSeconds(long batch) {
            return decodeGemmComputeSeconds(batch) + decodeAttentionComputeSeconds(batch);
        }

        @Override
        public double decodeMemorySeconds(long batch) {
            return weightReadSeconds(batch) + kvReadSeconds(batch);
        }

        /**
         * Tensor-parallel all-reduces of {@code tokens} tokens' activations through every layer: two per
         * layer (attention output, MLP output) of {@code tokens × hidden × 2 B}, s.
         */
        double collectiveSeconds(double tokens) {
            if (tensorParallel == 1) {
                return 0;
            }
            double bytes = tokens * model.hiddenSize() * ACTIVATION_BYTES_PER_VALUE;
            return 2.0 * model.layers() * links.allReduce(bytes, tensorParallel);
        }

        /**
         * One decode step: each of the PP micro-batches crosses its stage's {@code L/PP} layers, so a stage
         * runs {@code L} layers' all-reduces of a micro-batch per step.
         */
        @Override
        public double decodeStepSeconds(long batch) {
            double collectives = collectiveSeconds((double) batch / pipelineParallel);
            return Math.max(decodeGemmComputeSeconds(batch), weightReadSeconds(batch))
                    + Math.max(decodeAttentionComputeSeconds(batch), kvReadSeconds(batch))
                    + collectives;
        }

        @Override
        public double decodePeakComputeSeconds(long batch) {
            return batch
                    * (gemmFlopsPerToken() / stageFlopsPerSecond
                            + attentionFlopsPerToken() * efficiency.gemm() / stageAttentionFlopsPerSecond)
                    / pipelineParallel;
        }

        @Override
        public double decodePeakMemorySeconds(long batch) {
            return decodeMemorySeconds(batch) * efficiency.memoryBandwidth();
        }

        @Override
        public double prefillPeakComputeSeconds() {
            return prefillTokens * gemmFlopsPerToken() / stageFlopsPerSecond
                    + prefillAttentionFlops() * efficiency.gemm() / stageAttentionFlopsPerSecond;
        }

        @Override
        public double prefillPeakMemorySeconds() {
            return weightsReadPerPass(prefillTokens)
                    * weightBytesPerParameter
                    * efficiency.memoryBandwidth()
                    / stageBytesPerSecond;
        }

        /**
         * Attention FLOPs of one prompt's prefill (causal: half of the full square, two GEMMs); the new tokens
         * still attend to a cached prefix, so only the prefix's own square is saved.
         */
        double prefillAttentionFlops() {
            return model.prefillAttentionFlops(inputTokens) - model.prefillAttentionFlops(cachedTokens);
        }

        /** Latency of one prompt's prefill through every stage, s. */
        @Override
        public double prefillSeconds() {
            return Math.max(prefillGemmSeconds, prefillWeightsReadSeconds)
                    + prefillAttentionSeconds
                    + prefillCollectiveSeconds;
        }

        @Override
        public double promptsPerStep(long batch) {
            return (double) batch / pipelineParallel / outputTokens;
        }

        /**
         * Time per output token seen by a user: a decode step with its share of the prefills chunked into it
         * ({@code k = b / (PP·o)} prompts per step). The chunk's GEMMs ride on the step's weight reads, so
         * while decode is memory-bound they fill its idle compute first; its attention and all-reduces add.
         */
        @Override
        public double tpotSeconds(long batch) {
            double k = promptsPerStep(batch);
            double gemm = Math.max(
                    decodeGemmComputeSeconds(batch) + k * prefillGemmSeconds,
                    Math.max(weightReadSeconds(batch), k * prefillWeightsReadSeconds));
            return gemm
                    + Math.max(decodeAttentionComputeSeconds(batch), kvReadSeconds(batch))
                    + collectiveSeconds((double) batch / pipelineParallel)
                    + k * (prefillAttentionSeconds + prefillCollectiveSeconds);
        }
    }
}
