package dev.gigawatt.plan;

import dev.gigawatt.units.Units;

/**
 * Energy and CO2e of a training run on two bases, side by side. The physical basis is what the
 * servers are expected to draw: each accelerator's server share at its measured busy draw while it
 * computes and near idle while its job writes a checkpoint or restarts, host and PUE included. The disclosure basis is the one published model cards use: accelerator-hours ×
 * accelerator TDP × PUE × grid intensity, with no host. The two differ by the host share and by busy
 * draw against TDP, so the ratio shows why a figure differs from a model card.
 *
 * @param energyMwh facility energy, physical basis, MWh
 * @param co2eTonnesLocation location-based CO2e, physical basis, t
 * @param co2eTonnesMarket market-based CO2e (the unmatched share at the residual mix, {@link
 *     dev.gigawatt.model.MarketBasedIntensity}), physical basis, t
 * @param disclosureEnergyMwh facility energy, disclosure basis, MWh
 * @param disclosureCo2eTonnes location-based CO2e, disclosure basis, t
 * @see <a href="https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/MODEL_CARD.md">Llama 3.1 model card, Training Greenhouse Gas Emissions (2024)</a>
 */
record TrainingCarbon(
        double energyMwh,
        double co2eTonnesLocation,
        double co2eTonnesMarket,
        double disclosureEnergyMwh,
        double disclosureCo2eTonnes) {
    /**
     * Both bases for a run of {@code gpuHours}.
     *
     * @param gpuHours accelerator-hours held, h
     * @param stalledGpuHours of those, the hours stalled (checkpoint writes, restarts), h
     * @param busyItWatts IT power per accelerator at its measured busy draw, host share included, W
     * @param stalledItWatts IT power per stalled accelerator, host share included, W
     * @param disclosedWatts power per accelerator on the disclosure basis (its TDP), W
     * @param pue the site's mean PUE
     * @param gramsPerKwh grid carbon intensity, gCO2e/kWh
     * @param marketGramsPerKwh market-based factor of the site's energy (unmatched share × residual mix), gCO2e/kWh
     */
    static TrainingCarbon of(
            double gpuHours,
            double stalledGpuHours,
            double busyItWatts,
            double stalledItWatts,
            double disclosedWatts,
            double pue,
            double gramsPerKwh,
            double marketGramsPerKwh) {
        double physicalWh = ((gpuHours - stalledGpuHours) * busyItWatts + stalledGpuHours * stalledItWatts) * pue;
        double disclosedWh = gpuHours * disclosedWatts * pue;
        double physicalKg = Units.co2eKg(physicalWh, gramsPerKwh);
        return new TrainingCarbon(
                Units.megawattHours(physicalWh),
                Units.tonnes(physicalKg),
                Units.tonnes(Units.co2eKg(physicalWh, marketGramsPerKwh)),
                Units.megawattHours(disclosedWh),
                Units.tonnes(Units.co2eKg(disclosedWh, gramsPerKwh)));
    }
}
