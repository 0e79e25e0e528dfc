package dev.gigawatt.optimize;

/**
 * What a solution decides.
 *
 * @param bought accelerators bought per type, site and quarter (in service from the quarter's start)
 * @param stepQuarter the quarter each capacity step is energised in, or -1 when it is not built
 * @param jobOption the option chosen for each training job, or -1 when none could be
 * @param serviceOption the option chosen for each inference service, or -1 when none could be
 */
public record Decisions(long[][][] bought, int[] stepQuarter, int[] jobOption, int[] serviceOption) {
    /** Accelerators of type {@code t} at site {@code s} in service in quarter {@code q}, fixed fleet included. */
    public long inService(BuildOut p, int t, int s, int q) {
        long n = p.fixed()[t][s][q];
        for (int i = 0; i <= q; i++) {
            n += bought[t][s][i];
        }
        return n;
    }

    /** Accelerators of type {@code t} at site {@code s} drawing power at some time in quarter {@code q}. */
    public long drawing(BuildOut p, int t, int s, int q) {
        return inService(p, t, s, q) - p.fixed()[t][s][q] + p.drawing()[t][s][q];
    }

    /** Capacity step power in force at site {@code s} in quarter {@code q}, W. */
    public double stepWatts(BuildOut p, int s, int q) {
        double w = 0;
        for (int k = 0; k < p.steps().size(); k++) {
            BuildOut.Step step = p.steps().get(k);
            if (step.site() == s && stepQuarter[k] >= 0 && stepQuarter[k] <= q) {
                w += step.powerWatts();
            }
        }
        return w;
    }

    /** Accelerators bought in total. */
    public long totalBought() {
        long n = 0;
        for (long[][] perSite : bought) {
            for (long[] perQuarter : perSite) {
                for (long x : perQuarter) {
                    n += x;
                }
            }
        }
        return n;
    }
}
