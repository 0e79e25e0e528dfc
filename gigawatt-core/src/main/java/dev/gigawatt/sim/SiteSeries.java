package dev.gigawatt.sim;

import java.util.Arrays;

/**
 * A site's hourly time series. Index {@code h} is the hour starting {@code h} hours after the
 * horizon's start; energies are per hour, so an hour's energy in MWh equals its mean power in MW.
 */
public final class SiteSeries {
    final String name;
    final double[] itEnergyMwh;
    final double[] facilityEnergyMwh;
    final double[] capacityMw;
    final double[] co2eTonnesLocation;
    final double[] co2eTonnesMarket;
    final double[] waterM3;
    final double[] trainingGpuHours;
    final double[] servingGpuHours;
    final double[] idleGpuHours;
    final double[] repairGpuHours;
    final int[] runningJobs;
    final double[] servedTokens;
    final double[] demandTokens;
    final double[] energyCostUsd;
    final double[] trainingThroughput;

    SiteSeries(String name, int hours) {
        this.name = name;
        itEnergyMwh = new double[hours];
        facilityEnergyMwh = new double[hours];
        capacityMw = new double[hours];
        co2eTonnesLocation = new double[hours];
        co2eTonnesMarket = new double[hours];
        waterM3 = new double[hours];
        trainingGpuHours = new double[hours];
        servingGpuHours = new double[hours];
        idleGpuHours = new double[hours];
        repairGpuHours = new double[hours];
        runningJobs = new int[hours];
        servedTokens = new double[hours];
        demandTokens = new double[hours];
        energyCostUsd = new double[hours];
        trainingThroughput = new double[hours];
        Arrays.fill(trainingThroughput, 1);
    }

    public String name() {
        return name;
    }

    public int hours() {
        return itEnergyMwh.length;
    }

    /** IT energy in hour {@code h}, MWh (= mean IT power, MW). */
    public double itEnergyMwh(int h) {
        return itEnergyMwh[h];
    }

    /** Facility energy at the meter in hour {@code h}, MWh (= mean facility power, MW). */
    public double facilityEnergyMwh(int h) {
        return facilityEnergyMwh[h];
    }

    /** Grid capacity in hour {@code h}, MW. */
    public double capacityMw(int h) {
        return capacityMw[h];
    }

    /** Location-based emissions in hour {@code h}, tCO2e. */
    public double co2eTonnesLocation(int h) {
        return co2eTonnesLocation[h];
    }

    /** Market-based emissions in hour {@code h}, tCO2e. */
    public double co2eTonnesMarket(int h) {
        return co2eTonnesMarket[h];
    }

    /** On-site plus off-site water in hour {@code h}, m³. */
    public double waterM3(int h) {
        return waterM3[h];
    }

    /** Accelerator-hours spent training in hour {@code h}. */
    public double trainingGpuHours(int h) {
        return trainingGpuHours[h];
    }

    /** Accelerator-hours reserved for serving in hour {@code h}. */
    public double servingGpuHours(int h) {
        return servingGpuHours[h];
    }

    /** Accelerator-hours idle (including hot spares) in hour {@code h}. */
    public double idleGpuHours(int h) {
        return idleGpuHours[h];
    }

    /** Accelerator-hours in repair in hour {@code h}. */
    public double repairGpuHours(int h) {
        return repairGpuHours[h];
    }

    /** Training jobs holding accelerators at the start of hour {@code h}. */
    public int runningJobs(int h) {
        return runningJobs[h];
    }

    /** Output tokens served in hour {@code h}. */
    public double servedTokens(int h) {
        return servedTokens[h];
    }

    /** Output tokens demanded in hour {@code h}. */
    public double demandTokens(int h) {
        return demandTokens[h];
    }

    /** Electricity cost in hour {@code h}, USD. */
    public double energyCostUsd(int h) {
        return energyCostUsd[h];
    }

    /** Training throughput under the site's power cap in hour {@code h}, relative to uncapped (1 = no cap). */
    public double trainingThroughput(int h) {
        return trainingThroughput[h];
    }

    /** Hours in which training accelerators were power-capped to stay within the grid capacity. */
    public int hoursPowerCapped() {
        int n = 0;
        for (double t : trainingThroughput) {
            if (t < 1) {
                n++;
            }
        }
        return n;
    }

    /** Sum of a series over all hours. */
    static double sum(double[] series) {
        double total = 0;
        for (double v : series) {
            total += v;
        }
        return total;
    }

    /** Total facility energy, MWh. */
    public double totalFacilityEnergyMwh() {
        return sum(facilityEnergyMwh);
    }

    /** Total IT energy, MWh. */
    public double totalItEnergyMwh() {
        return sum(itEnergyMwh);
    }

    /** Highest hourly mean facility power, MW. */
    public double peakFacilityPowerMw() {
        double max = 0;
        for (double v : facilityEnergyMwh) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** Hours whose mean facility power exceeded the grid capacity. */
    public int hoursAboveCapacity() {
        int n = 0;
        for (int h = 0; h < facilityEnergyMwh.length; h++) {
            if (facilityEnergyMwh[h] > capacityMw[h] * (1 + 1e-12)) {
                n++;
            }
        }
        return n;
    }

    /** Total accelerator-hours of every state: training, serving, idle and repair. */
    public double totalGpuHours() {
        return sum(trainingGpuHours) + sum(servingGpuHours) + sum(idleGpuHours) + sum(repairGpuHours);
    }

    /** Share of in-service accelerator-hours spent training or serving. */
    public double utilisation() {
        double total = totalGpuHours();
        return total == 0 ? 0 : (sum(trainingGpuHours) + sum(servingGpuHours)) / total;
    }

    /** Total location-based emissions, tCO2e. */
    public double totalCo2eTonnesLocation() {
        return sum(co2eTonnesLocation);
    }

    /** Total market-based emissions, tCO2e. */
    public double totalCo2eTonnesMarket() {
        return sum(co2eTonnesMarket);
    }

    /** Total water, m³. */
    public double totalWaterM3() {
        return sum(waterM3);
    }

    /** Total electricity cost, USD. */
    public double totalEnergyCostUsd() {
        return sum(energyCostUsd);
    }
}
