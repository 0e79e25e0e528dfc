package dev.gigawatt.plan;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.model.CostModel;
import dev.gigawatt.model.PowerModel;
import dev.gigawatt.scenario.Deployment;
import dev.gigawatt.scenario.Finance;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.Site;
import dev.gigawatt.units.Units;

/** Per-accelerator cost and power at a site: the unit economics behind $/GPU-hour and $/M tokens. */
final class Economics {
    private final Scenario scenario;
    private final Finance finance;

    Economics(Scenario scenario) {
        this.scenario = scenario;
        this.finance = scenario.finance();
    }

    /** Electricity price at {@code site}: its own, else the finance default, else its grid's, USD/MWh. */
    double electricityPriceUsdPerMwh(Site site) {
        return scenario.electricityPriceUsdPerMwh(site);
    }

    /** Measured draw of a busy server as a share of its nameplate (assumption {@code power.busyFractionOfNameplate}). */
    static final double BUSY_FRACTION = Assumptions.builtIn().fraction("power.busyFractionOfNameplate");
    /** Share of the busy draw above idle a stalled training server keeps (assumption {@code power.trainingStallDynamicShare}). */
    static final double STALL_DYNAMIC_SHARE = Assumptions.builtIn().fraction("power.trainingStallDynamicShare");

    /**
     * IT power per accelerator of {@code d} at utilisation {@code u}, with its host share: linear from
     * idle to the measured busy draw, W.
     */
    static double itWatts(Deployment d, double utilisation) {
        return PowerModel.linearWatts(idleWatts(d), nameplateWatts(d) * BUSY_FRACTION, utilisation);
    }

    /**
     * IT power per serving accelerator of {@code d} whose own draw is {@code acceleratorWatts} (the serving
     * power model's) at utilisation {@code u}: that plus its share of the host, linear from idle to the
     * measured busy draw, W.
     */
    static double servingItWatts(Deployment d, double acceleratorWatts, double utilisation) {
        double hostIdle = d.server().hostIdlePowerWatts();
        double hostBusy = d.server().hostPowerWatts() * BUSY_FRACTION;
        return acceleratorWatts + PowerModel.linearWatts(hostIdle, hostBusy, utilisation) / d.acceleratorsPerServer();
    }

    /** Nameplate IT power per accelerator of {@code d}: its TDP and its share of the host at full load, W. */
    static double nameplateWatts(Deployment d) {
        return hostShareWatts(d, 1);
    }

    private static double idleWatts(Deployment d) {
        return hostShareWatts(d, 0);
    }

    private static double hostShareWatts(Deployment d, double load) {
        return PowerModel.itWattsPerAccelerator(
                d.accelerator().idlePowerWatts(),
                d.accelerator().tdpWatts(),
                d.server().hostIdlePowerWatts(),
                d.server().hostPowerWatts(),
                d.acceleratorsPerServer(),
                load);
    }

    /** IT capex per accelerator: accelerator, server share and network share, USD. */
    double itCapexUsd(Deployment d) {
        return d.itCapexPerAccelerator(finance).totalUsd();
    }

    /**
     * Full cost of one accelerator-hour of {@code d} at {@code site}: annualised IT capex, facility
     * capex in proportion to its nameplate facility power on the design day, maintenance and electricity at
     * {@code utilisation} (the fixed part of the facility overhead at the site's planned utilisation).
     */
    double usdPerAcceleratorHour(Deployment d, Site site, double utilisation) {
        return usdPerAcceleratorHourAt(d, site, itWatts(d, utilisation));
    }

    /** The same with the accelerator drawing {@code itWatts} of IT power on average (host included). */
    double usdPerAcceleratorHourAt(Deployment d, Site site, double itWatts) {
        double itCapex = itCapexUsd(d);
        double referenceWatts = itWatts(d, site.averageUtilisation());
        double peakFacilityWatts = site.designFacilityWatts(nameplateWatts(d), referenceWatts);
        double facilityCapex = peakFacilityWatts * finance.facilityCostUsdPerWatt();
        double perYear = itCapex * CostModel.capitalRecoveryFactor(finance.costOfCapital(), finance.depreciationYears())
                + facilityCapex
                        * CostModel.capitalRecoveryFactor(finance.costOfCapital(), finance.facilityDepreciationYears())
                + itCapex * finance.maintenanceShare()
                + Units.energyCostUsd(
                        site.meanFacilityWatts(itWatts, referenceWatts) * Units.HOURS_PER_YEAR,
                        electricityPriceUsdPerMwh(site));
        return perYear / Units.HOURS_PER_YEAR;
    }

    Scenario scenario() {
        return scenario;
    }
}
