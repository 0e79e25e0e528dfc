package dev.gigawatt.model;

import dev.gigawatt.catalog.GridRegion;
import java.util.List;

/**
 * A typical day per month of a grid's carbon intensity, from its annual mean and solar share.
 *
 * <p>Solar output follows the sun: at hour {@code h} of a mid-month day it is proportional to the
 * cosine of the solar zenith angle at the region's latitude (zero at night). Solar electricity is
 * counted as zero-carbon and the rest of the mix as constant, so with an annual solar share {@code s}
 * the intensity in an hour whose solar share is {@code σ(h,m)} is {@code I·(1 − σ)/(1 − s)}; the
 * annual mean is {@code I} by construction. Where solar would exceed the whole demand the hour is
 * clamped at zero and the profile is rescaled to keep the mean. Wind and demand shapes are not
 * modelled; the profile is an estimate, not measured hourly data.
 *
 * @see <a href="https://www.pveducation.org/pvcdrom/properties-of-sunlight/declination-angle">PVEducation, declination and elevation angles (Cooper 1969 declination)</a>
 */
public final class CarbonProfile {
    private final double[] factors = new double[12 * 24];

    /**
     * @param solarShare share of annual generation from solar, 0..1
     * @param latitudeDegrees latitude, degrees north
     */
    public CarbonProfile(double solarShare, double latitudeDegrees) {
        double[] sun = new double[12 * 24];
        double sum = 0;
        int[] daysInMonth = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        double weight = 0;
        int dayOfYear = 0;
        double phi = Math.toRadians(latitudeDegrees);
        for (int m = 0; m < 12; m++) {
            int midDay = dayOfYear + daysInMonth[m] / 2 + 1;
            double declination = Math.toRadians(23.44 * Math.sin(2 * Math.PI * (284 + midDay) / 365.0));
            for (int h = 0; h < 24; h++) {
                double hourAngle = Math.toRadians(15 * (h + 0.5 - 12));
                double cosZenith = Math.sin(phi) * Math.sin(declination)
                        + Math.cos(phi) * Math.cos(declination) * Math.cos(hourAngle);
                sun[m * 24 + h] = Math.max(0, cosZenith);
                sum += sun[m * 24 + h] * daysInMonth[m];
            }
            weight += 24.0 * daysInMonth[m];
            dayOfYear += daysInMonth[m];
        }
        double meanSun = sum / weight;
        double total = 0;
        for (int m = 0; m < 12; m++) {
            for (int h = 0; h < 24; h++) {
                int i = m * 24 + h;
                double sigma = meanSun == 0 ? 0 : solarShare * sun[i] / meanSun;
                factors[i] = solarShare >= 1 ? 0 : Math.max(0, 1 - sigma) / (1 - solarShare);
                total += factors[i] * daysInMonth[m];
            }
        }
        double mean = total / weight;
        for (int i = 0; i < factors.length; i++) {
            factors[i] = mean > 0 ? factors[i] / mean : 1;
        }
    }

    /**
     * A profile from measured data: 12 × 24 intensities (January hour 0 first), rescaled so that
     * the day-weighted annual mean is 1.
     */
    public static CarbonProfile of(List<Double> monthHourValues) {
        CarbonProfile p = new CarbonProfile(0, 0);
        int[] daysInMonth = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        double total = 0;
        for (int i = 0; i < 12 * 24; i++) {
            p.factors[i] = monthHourValues.get(i);
            total += p.factors[i] * daysInMonth[i / 24];
        }
        double mean = total / (365 * 24.0);
        for (int i = 0; i < p.factors.length; i++) {
            p.factors[i] = mean > 0 ? p.factors[i] / mean : 1;
        }
        return p;
    }

    /** The profile of {@code grid}: its measured one if the catalog has it, else derived from its solar share. */
    public static CarbonProfile of(GridRegion grid) {
        return grid.hourlyProfile().isEmpty()
                ? new CarbonProfile(grid.solarShare(), grid.latitudeDegrees())
                : of(grid.hourlyProfile());
    }

    /** Intensity in hour {@code hour} (0..23, local solar time) of month {@code month} (1..12) relative to the annual mean. */
    public double factor(int month, int hour) {
        return factors[(month - 1) * 24 + hour];
    }
}
