package dev.gigawatt.model;

/**
 * Power of accelerators and their servers as a function of utilisation: linear from idle to full
 * load, the usual first-order server power model.
 *
 * @see <a href="https://doi.org/10.1145/1273440.1250665">Fan, Weber, Barroso, Power provisioning for a warehouse-sized computer, ISCA 2007</a>
 */
public final class PowerModel {
    private PowerModel() {}

    /**
     * Power at utilisation {@code u}: {@code idle + (max − idle)·u}, W.
     *
     * @param idleWatts power at zero load, W
     * @param maxWatts power at full load, W
     * @param utilisation 0..1
     */
    public static double linearWatts(double idleWatts, double maxWatts, double utilisation) {
        return idleWatts + (maxWatts - idleWatts) * utilisation;
    }

    /**
     * IT power per accelerator including its share of the host (CPUs, memory, NICs, fans), W.
     *
     * @param acceleratorIdleWatts accelerator idle power, W
     * @param acceleratorMaxWatts accelerator power at full load (TDP), W
     * @param hostIdleWatts host power per server when idle, W
     * @param hostMaxWatts host power per server at full load, W
     * @param acceleratorsPerServer accelerators sharing one host
     * @param utilisation 0..1
     */
    public static double itWattsPerAccelerator(
            double acceleratorIdleWatts,
            double acceleratorMaxWatts,
            double hostIdleWatts,
            double hostMaxWatts,
            int acceleratorsPerServer,
            double utilisation) {
        return linearWatts(acceleratorIdleWatts, acceleratorMaxWatts, utilisation)
                + linearWatts(hostIdleWatts, hostMaxWatts, utilisation) / acceleratorsPerServer;
    }

    /** Facility power at the meter from IT power and PUE, W. */
    public static double facilityWatts(double itWatts, double pue) {
        return itWatts * pue;
    }
}
