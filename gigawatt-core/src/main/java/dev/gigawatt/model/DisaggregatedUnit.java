package dev.gigawatt.model;

/**
 * Prefill and decode on separate instances: {@code P} prefill instances compute the prompts and hand their
 * KV caches over the network to {@code D} decode instances, which only decode, as DistServe, Splitwise,
 * Mooncake and NVIDIA Dynamo deploy. A decode step no longer waits for prompts interleaved into it, so the
 * time per output token is the step alone, at the cost of accelerators that only prefill.
 *
 * <p>The unit's batch {@code b} counts sequences in flight over all its decode instances, spread evenly
 * ({@code ⌈b/D⌉} on each). New sequences come from the prefill instances at {@code P/p} per second at most
 * ({@code p} one prompt's prefill), so the unit cannot complete sequences faster than that: its time per
 * output token at batch {@code b} is {@code max(d(⌈b/D⌉), b·p/(P·o))} for {@code o} output tokens. The first
 * token waits for the prefill, the KV hand-off (each prefill rank sends its share of the prompt's cache,
 * {@link Links#send}, over NVLink when the unit fits in the scale-up domain and the scale-out fabric
 * otherwise; the hand-off is not overlapped with the prefill here, which overstates it where a framework
 * streams it layer by layer) and one decode step. All times in seconds, sizes in bytes.
 *
 * @see <a href="https://arxiv.org/abs/2401.09670">Zhong et al., DistServe, OSDI 2024</a>
 * @see <a href="https://arxiv.org/abs/2311.18677">Patel et al., Splitwise, ISCA 2024</a>
 * @see <a href="https://arxiv.org/abs/2407.00079">Qin et al., Mooncake, FAST 2025</a>
 */
final class DisaggregatedUnit implements ReplicaTimes {
    private final ReplicaTimes prefill;
    private final ReplicaTimes decode;
    private final int prefillInstances;
    private final int decodeInstances;
    private final int prefillAccelerators;
    private final int decodeAccelerators;
    private final double outputTokens;
    private final double handoffSeconds;
    private final double prefillSeconds;
    private final double prefillPeakComputeSeconds;
    private final double prefillPeakMemorySeconds;

    /**
     * @param prefill one prefill instance (only its prefill and memory are used)
     * @param decode one decode instance (only its decode steps and memory are used)
     * @param prefillTensor TP degree of a prefill instance: its ranks send the KV cache side by side
     * @param kvBytesPerPrompt the KV cache of one prompt, bytes
     */
    DisaggregatedUnit(
            ReplicaTimes prefill,
            ReplicaTimes decode,
            int prefillTensor,
            int prefillInstances,
            int decodeAcceleratorsEach,
            int decodeInstances,
            double outputTokens,
            double kvBytesPerPrompt,
            Links links) {
        this.prefill = prefill;
        this.decode = decode;
        this.prefillInstances = prefillInstances;
        this.decodeInstances = decodeInstances;
        this.prefillAccelerators = prefillInstances * prefillTensor;
        this.decodeAccelerators = decodeInstances * decodeAcceleratorsEach;
        this.outputTokens = outputTokens;
        double span = prefillAccelerators + decodeAccelerators;
        this.handoffSeconds = links.send(kvBytesPerPrompt / prefillTensor, span - 1);
        // The prefill side does not depend on the batch: computed once, read at every batch tried.
        this.prefillSeconds = prefill.prefillSeconds();
        this.prefillPeakComputeSeconds = prefill.prefillPeakComputeSeconds();
        this.prefillPeakMemorySeconds = prefill.prefillPeakMemorySeconds();
    }

    private long perInstance(long batch) {
        return (batch + decodeInstances - 1) / decodeInstances;
    }

    private boolean prefillFits() {
        return prefill.maxBatchByMemory() >= 1;
    }

    @Override
    public long maxBatchByMemory() {
        return prefillFits() ? decodeInstances * decode.maxBatchByMemory() : 0;
    }

    @Override
    public double bytesForOneSequence() {
        return prefillFits() ? decode.bytesForOneSequence() : prefill.bytesForOneSequence();
    }

    @Override
    public double memoryBytes() {
        return prefillFits() ? decode.memoryBytes() : prefill.memoryBytes();
    }

    @Override
    public double prefillSeconds() {
        return prefillSeconds;
    }

    @Override
    public int prefillLanes() {
        return prefillInstances;
    }

    @Override
    public double interleavedPrefillSeconds() {
        return 0;
    }

    /** None: the decode instances' steps carry no prefill. */
    @Override
    public double promptsPerStep(long batch) {
        return 0;
    }

    @Override
    public double handoffSeconds() {
        return handoffSeconds;
    }

    @Override
    public double decodeStepSeconds(long batch) {
        return decode.decodeStepSeconds(perInstance(batch));
    }

    @Override
    public double decodeComputeSeconds(long batch) {
        return decode.decodeComputeSeconds(perInstance(batch));
    }

    @Override
    public double decodeMemorySeconds(long batch) {
        return decode.decodeMemorySeconds(perInstance(batch));
    }

    /** The decode step, or the rate the prefill instances supply new sequences at when that is slower. */
    @Override
    public double tpotSeconds(long batch) {
        return Math.max(decodeStepSeconds(batch), batch * prefillSeconds() / (prefillInstances * outputTokens));
    }

    @Override
    public double ttftSeconds(long batch) {
        return prefillSeconds() + handoffSeconds + decodeStepSeconds(batch);
    }

    @Override
    public double decodePeakComputeSeconds(long batch) {
        return decode.decodePeakComputeSeconds(perInstance(batch));
    }

    @Override
    public double decodePeakMemorySeconds(long batch) {
        return decode.decodePeakMemorySeconds(perInstance(batch));
    }

    @Override
    public double prefillPeakComputeSeconds() {
        return prefillPeakComputeSeconds;
    }

    @Override
    public double prefillPeakMemorySeconds() {
        return prefillPeakMemorySeconds;
    }

    /** Accelerators of the prefill instances. */
    int prefillAccelerators() {
        return prefillAccelerators;
    }

    /** Accelerators of the decode instances. */
    int decodeAccelerators() {
        return decodeAccelerators;
    }

    /** Share of time the prefill instances are busy at {@code batch} sequences in flight, 0..1. */
    double prefillBusyShare(long batch) {
        double sequencesPerSecond = batch / (outputTokens * tpotSeconds(batch));
        return Math.min(1, sequencesPerSecond * prefillSeconds() / prefillInstances);
    }

    /** Share of time the decode instances are stepping at {@code batch}: less than 1 when prefill binds. */
    double decodeBusyShare(long batch) {
        return decodeStepSeconds(batch) / tpotSeconds(batch);
    }
}
