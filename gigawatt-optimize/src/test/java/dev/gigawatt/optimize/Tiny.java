package dev.gigawatt.optimize;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small build-outs written by hand: one or more sites, quarters of 2026, no fixed fleet unless given. */
final class Tiny {
    String objective = "capex";
    int quarters = 1;
    final List<BuildOut.Kind> types = new ArrayList<>();
    final List<double[]> typeFigures = new ArrayList<>(); // facility W, tco $/yr, kg/yr
    final List<BuildOut.Place> sites = new ArrayList<>();
    final List<BuildOut.Step> steps = new ArrayList<>();
    final List<BuildOut.Job> jobs = new ArrayList<>();
    final List<BuildOut.Service> services = new ArrayList<>();
    final List<BuildOut.Budget> budgets = new ArrayList<>();
    long[][][] fixed;
    double maxCo2eKg = Double.NaN;
    double maxVendorShare = Double.NaN;

    Tiny quarters(int n) {
        quarters = n;
        return this;
    }

    Tiny type(String name, String vendor, double capexUsd, double facilityWatts, long deliveries) {
        types.add(new BuildOut.Kind(name, vendor, true, capexUsd, 0, deliveries, Double.NaN));
        typeFigures.add(new double[] {facilityWatts, capexUsd / 4, facilityWatts});
        return this;
    }

    Tiny site(String name, double capacityWatts) {
        double[] capacity = new double[quarters];
        java.util.Arrays.fill(capacity, capacityWatts);
        sites.add(new BuildOut.Place(name, true, capacity));
        return this;
    }

    Tiny step(int site, double powerWatts, double costUsd) {
        steps.add(new BuildOut.Step("step-" + steps.size(), site, powerWatts, 0, costUsd, new double[quarters][1]));
        return this;
    }

    /** A service needing {@code need[t]} accelerators of type t in every quarter, at any site. */
    Tiny service(String name, long... need) {
        List<BuildOut.ServiceOption> options = new ArrayList<>();
        for (int t = 0; t < need.length; t++) {
            for (int s = 0; s < sites.size(); s++) {
                long[] perQuarter = new long[quarters];
                java.util.Arrays.fill(perQuarter, need[t]);
                options.add(new BuildOut.ServiceOption(t, s, perQuarter));
            }
        }
        services.add(new BuildOut.Service(name, options));
        return this;
    }

    /** A job on {@code accelerators} taking {@code days[t]} days on type t, due {@code deadlineDays} after the start. */
    Tiny job(String name, long accelerators, int deadlineDays, double... days) {
        List<Quarter> qs = quarterList();
        LocalDate deadline = qs.get(0).start().plusDays(deadlineDays);
        List<BuildOut.JobOption> options = new ArrayList<>();
        for (int t = 0; t < days.length; t++) {
            for (int s = 0; s < sites.size(); s++) {
                for (Quarter q : qs) {
                    LocalDate end = q.start().plusDays((long) Math.ceil(days[t]));
                    if (end.isAfter(deadline)) {
                        break;
                    }
                    int endQuarter = q.index() + 1;
                    while (endQuarter < qs.size() && qs.get(endQuarter).start().isBefore(end)) {
                        endQuarter++;
                    }
                    options.add(new BuildOut.JobOption(t, s, q.index(), endQuarter, days[t], days[t] * 24, end));
                }
            }
        }
        jobs.add(new BuildOut.Job(name, accelerators, deadline, options, "its shortest run is too long"));
        return this;
    }

    Tiny budget(double usd) {
        budgets.add(new BuildOut.Budget(2026, usd));
        return this;
    }

    List<Quarter> quarterList() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        return Quarter.of(start, start.plusMonths(3L * quarters));
    }

    BuildOut build() {
        int nt = types.size();
        int ns = sites.size();
        double[][] watts = new double[nt][ns];
        double[][] tco = new double[nt][ns];
        double[][] co2e = new double[nt][ns];
        for (int t = 0; t < nt; t++) {
            for (int s = 0; s < ns; s++) {
                watts[t][s] = typeFigures.get(t)[0];
                tco[t][s] = typeFigures.get(t)[1];
                co2e[t][s] = typeFigures.get(t)[2];
            }
        }
        long[][][] f = fixed == null ? new long[nt][ns][quarters] : fixed;
        return new BuildOut(
                objective,
                quarterList(),
                types,
                sites,
                f,
                f,
                watts,
                tco,
                co2e,
                steps,
                jobs,
                services,
                budgets,
                0.1,
                maxCo2eKg,
                maxVendorShare,
                10,
                null);
    }
}
