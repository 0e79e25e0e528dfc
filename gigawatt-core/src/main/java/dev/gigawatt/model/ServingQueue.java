package dev.gigawatt.model;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * Queueing of requests at one replica with continuous batching, with no fitted parameters: closed-loop
 * clients at a fixed concurrency (benchmark clients), and open-loop Poisson arrivals sized at a latency
 * percentile (MLPerf's server scenario, a production service).
 *
 * <p><b>Closed loop.</b> {@code N} clients each keep one request outstanding. At most {@code b} of them fit in
 * the batch; each resides {@code S = o × TPOT(b)} (one token per step, its prefill counted in TPOT), so
 * requests complete at {@code X = b / S} and by Little's law the others wait {@code N/X − S = (N − b)·S/b}
 * before their prefill starts.
 *
 * <p><b>Open loop.</b> Requests arrive at rate {@code λ}; the batch slots that fit in memory ({@code c}) are
 * the servers of an M/G/c queue whose service is a sequence's residence {@code S(a) = o × TPOT(a)}, with
 * {@code a = λ·S(a)} slots busy on average. A request finds every slot busy with the Erlang-C probability
 * {@code C(c, a)} and then waits about {@code S/(c − a) × ln(C/(1 − q))} at the percentile {@code q}. Its
 * prompt then waits for the replica's prefill work ahead of it: an M/D/1 queue of prefills (utilisation
 * {@code ρ = λ·p}) whose waiting time exceeds {@code t} with probability about {@code ρ·exp(−2(1 − ρ)t/p)}
 * (Kingman's heavy-traffic exponential tail with Poisson arrivals and deterministic service), plus the
 * decode step in progress. A sequence's TPOT is the step at the batch the percentile reaches
 * ({@code a + z√a}, at most {@code c}; the busy slots are Poisson in an M/G/∞ view) plus the prefills that
 * arrive during its {@code o} steps, Poisson with mean {@code λS}, at the same quantile {@code z}. The
 * served rate is the largest whose percentile TTFT and TPOT meet the objectives. A replica with
 * data-parallel attention over {@code D} accelerators prefills {@code D} prompts side by side
 * ({@link ReplicaTimes#prefillLanes()}): its prefill queue sees {@code λ/D} per lane, and a sequence
 * {@code λS/D} prefills during its residence. With prefill and decode on separate instances
 * ({@link DisaggregatedUnit}) the prefill queue is that of the prefill instances, the first token also
 * waits for the KV hand-off, and no prefill is interleaved into a sequence's steps.
 *
 * @see <a href="https://doi.org/10.1287/opre.29.3.567">Halfin, Whitt, Heavy-traffic limits for queues with many exponential servers, Operations Research 29(3), 1981</a>
 * @see <a href="https://doi.org/10.1287/opre.9.3.383">Little, A proof for the queuing formula L = λW, Operations Research 9(3), 1961</a>
 * @see <a href="https://doi.org/10.1017/S0305004100036094">Kingman, The single server queue in heavy traffic, Proc. Cambridge Phil. Soc. 57(4), 1961</a>
 * @see <a href="https://github.com/mlcommons/inference/blob/master/loadgen/README.md">MLPerf LoadGen: the server scenario sends Poisson arrivals</a>
 */
final class ServingQueue {

    private ServingQueue() {}

    /** Time a closed-loop client waits for a batch slot with {@code clients} outstanding, s. */
    static double closedLoopWaitSeconds(ReplicaTimes r, long clients, long batch, double outputTokens) {
        if (clients <= batch || batch < 1) {
            return 0;
        }
        double residence = outputTokens * r.tpotSeconds(batch);
        return (clients - batch) * residence / batch;
    }

    /**
     * The open-loop operating point: the largest arrival rate whose {@code z}-quantile TTFT and TPOT meet
     * the objectives, or a zero rate when none does.
     *
     * @param percentile the objectives' percentile, 0..1 (0.99 for p99)
     */
    static ServerPerformance server(
            ReplicaTimes r, double outputTokens, double ttftSloSeconds, double tpotSloSeconds, double percentile) {
        long slots = r.maxBatchByMemory();
        if (slots < 1) {
            return ServerPerformance.NONE;
        }
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(percentile);
        long lo = 0;
        long hi = slots - 1;
        ServerPerformance best = ServerPerformance.NONE;
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            ServerPerformance at = at(r, mid, slots, outputTokens, z, 1 - percentile);
            if (at != null && at.ttftSeconds() <= ttftSloSeconds && at.tpotSeconds() <= tpotSloSeconds) {
                lo = mid;
                best = at;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    /**
     * The percentiles with {@code busy} slots busy on average out of {@code slots}, or null when the
     * prefills alone would saturate the replica.
     */
    private static ServerPerformance at(
            ReplicaTimes r, long busy, long slots, double outputTokens, double z, double tail) {
        double residence = outputTokens * r.tpotSeconds(busy);
        double rate = busy / residence;
        double p = r.prefillSeconds();
        int lanes = r.prefillLanes();
        double rho = rate * p / lanes;
        if (rho >= 1) {
            return null;
        }
        double waiting = erlangC(slots, busy);
        double slotWait = waiting <= tail ? 0 : residence / (slots - busy) * Math.log(waiting / tail);
        double prefillWait = rho <= tail ? 0 : p / (2 * (1 - rho)) * Math.log(rho / tail);
        double peak = Math.min(slots, busy + z * Math.sqrt(busy));
        long high = Math.max(1, (long) Math.ceil(peak));
        double ttft = slotWait + prefillWait + p + r.handoffSeconds() + r.decodeStepSeconds(high);
        double prefillsDuring = rate * residence / lanes;
        double tpot = r.decodeStepSeconds(high)
                + r.interleavedPrefillSeconds() * (prefillsDuring + z * Math.sqrt(prefillsDuring)) / outputTokens;
        return new ServerPerformance(rate, rate * outputTokens, busy, peak, ttft, tpot, rho);
    }

    /**
     * The Erlang-C probability that an arrival finds all {@code servers} busy at offered load {@code load}
     * erlangs, from Erlang B as a Poisson ratio, {@code B(c, a) = P(N = c) / P(N ≤ c)} for {@code N ~
     * Poisson(a)} (commons-statistics evaluates both through the regularized gamma function, so the cost
     * does not grow with the servers, which run to tens of thousands of batch slots), then {@code C = c·B
     * / (c − a(1 − B))}.
     */
    static double erlangC(long servers, double load) {
        if (load >= servers) {
            return 1;
        }
        if (load <= 0) {
            return 0;
        }
        PoissonDistribution poisson = PoissonDistribution.of(load);
        int c = (int) Math.min(Integer.MAX_VALUE - 1, servers);
        double cumulative = poisson.cumulativeProbability(c);
        double b = cumulative > 0 ? poisson.probability(c) / cumulative : 1;
        return servers * b / (servers - load * (1 - b));
    }
}
