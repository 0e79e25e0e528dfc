package dev.gigawatt.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one-sentence summary at the top of a plan. */
final class Headline {
    private Headline() {}

    static String of(FleetPlan fleet, List<SitePlan> sites, LocalDate horizonEnd) {
        double peakMw =
                sites.stream().mapToDouble(SitePlan::peakFacilityPowerMw).sum();
        StringBuilder out = new StringBuilder();
        out.append(count(fleet.accelerators()))
                .append(" accelerators across ")
                .append(sites.size())
                .append(sites.size() == 1 ? " site" : " sites")
                .append(" need ")
                .append(power(peakMw))
                .append(" at the meter at nameplate (every accelerator at TDP, hosts at full load; expected peak ")
                .append(power(sites.stream()
                        .mapToDouble(SitePlan::expectedPeakFacilityPowerMw)
                        .sum()))
                .append(" at measured draw)");
        List<String> problems = new ArrayList<>();
        for (SitePlan site : sites) {
            for (SitePlan.Shortfall s : site.shortfalls()) {
                if (s.to() == null) {
                    problems.add(String.format(
                            Locale.ROOT,
                            "%s does not fit (needs %s, has %s)",
                            site.name(),
                            power(s.demandMw()),
                            power(s.capacityMw())));
                } else {
                    problems.add(site.name() + " does not fit from " + s.from() + " until " + s.to());
                }
            }
        }
        if (problems.isEmpty()) {
            out.append("; every site fits its grid capacity");
        } else {
            out.append("; ").append(String.join("; ", problems));
        }
        return out.toString();
    }

    static String count(double n) {
        if (n >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", n / 1e6);
        }
        if (n >= 1e4) {
            return String.format(Locale.ROOT, "%.0f k", n / 1e3);
        }
        return String.format(Locale.ROOT, "%,.0f", n);
    }

    static String power(double megawatts) {
        if (megawatts >= 1000) {
            return String.format(Locale.ROOT, "%.2f GW", megawatts / 1000);
        }
        if (megawatts >= 10) {
            return String.format(Locale.ROOT, "%.0f MW", megawatts);
        }
        return megawatts >= 1
                ? String.format(Locale.ROOT, "%.1f MW", megawatts)
                : String.format(Locale.ROOT, "%.0f kW", megawatts * 1000);
    }
}
