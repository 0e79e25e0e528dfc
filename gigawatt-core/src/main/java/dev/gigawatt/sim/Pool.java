package dev.gigawatt.sim;

import dev.gigawatt.scenario.Deployment;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The accelerators of one type at one site, as counters: 1.3 million GPUs are a few numbers, not
 * objects. Every installed accelerator is in exactly one state: training, serving, in repair or
 * idle (idle includes hot spares).
 */
final class Pool {
    final int index;
    final int site;
    final Deployment unit;
    final double itWattsFull;
    final double itWattsIdle;
    /** Random stream of failures among this pool's idle and serving accelerators, and of repair times. */
    final UniformRandomProvider failures;
    /** Unit-mean exponential draws of repair times from that stream, × the scenario's mean repair time. */
    final ZigguratSampler.Exponential repairs;
    /** Failures per accelerator-hour of this pool's accelerator (reliability and catalog factor). */
    final double failuresPerHour;
    /** The site's power-weighted average utilisation its PUE is stated at, 0..1. */
    final double siteUtilisation;
    /** Share of the busy draw above idle that a stalled training accelerator keeps, 0..1. */
    final double stallDynamicShare;
    /** The accelerator's TDP, W (read at every integration: kept here, not two references away). */
    private final double tdpWatts;

    long installed;
    long training;
    /**
     * Of the training accelerators, how many (in accelerator-equivalents) are stalled rather than
     * computing: their jobs write a checkpoint, restart or wait for a replacement.
     */
    double trainingStalled;

    long serving;
    /** Accelerators services reserved for the day's peak; those not serving this hour may be lent out. */
    long servingReserved;

    long inRepair;
    long spares;
    /** Accelerators past their service life, leaving as soon as they are idle. */
    long retiring;
    /** IT power of one serving accelerator this hour (its services' replicas at their load), W. */
    double servingItWatts;
    /** Power cap on training accelerators as a share of TDP (1 = uncapped). */
    double throttle = 1;
    /** Training throughput under the current cap, relative to uncapped. */
    double rate = 1;
    /** Up to when the pool's states have been added to its site's hourly series, s. */
    double integratedTo;

    Pool(
            int index,
            int site,
            Deployment unit,
            double itWattsFull,
            double itWattsIdle,
            UniformRandomProvider failures,
            double failuresPerHour,
            double siteUtilisation,
            double stallDynamicShare) {
        this.stallDynamicShare = stallDynamicShare;
        this.failures = failures;
        this.repairs = ZigguratSampler.Exponential.of(failures);
        this.failuresPerHour = failuresPerHour;
        this.siteUtilisation = siteUtilisation;
        this.index = index;
        this.site = site;
        this.unit = unit;
        this.itWattsFull = itWattsFull;
        this.itWattsIdle = itWattsIdle;
        this.servingItWatts = itWattsIdle;
        this.tdpWatts = unit.accelerator().tdpWatts();
    }

    /** Idle accelerators, including hot spares. */
    long idle() {
        return installed - training - serving - inRepair;
    }

    /** Idle accelerators that regular jobs may be given: hot spares and serving reservations excluded. */
    long free() {
        return Math.max(0, idle() - spares - Math.max(0, servingReserved - serving));
    }

    /** Idle accelerators that preemptible jobs may borrow: reserved serving capacity in the trough included. */
    long freeForPreemptible() {
        return Math.max(0, idle() - spares);
    }

    /**
     * IT power of the pool now, W: computing training accelerators at the busy draw (less what a power
     * cap takes), stalled ones near idle, serving as its replicas draw, idle at idle, repairs off.
     */
    double itWatts() {
        double trainingWatts = itWattsFull - (1 - throttle) * tdpWatts;
        double stalledWatts = itWattsIdle + stallDynamicShare * (trainingWatts - itWattsIdle);
        return (training - trainingStalled) * trainingWatts
                + trainingStalled * stalledWatts
                + serving * servingItWatts
                + idle() * itWattsIdle;
    }

    /** Training accelerators computing now (not stalled), accelerator-equivalents. */
    double trainingComputing() {
        return training - trainingStalled;
    }
}
