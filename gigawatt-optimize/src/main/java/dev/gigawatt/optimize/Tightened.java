package dev.gigawatt.optimize;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A build-out with some workloads' needs raised by factors the simulation measured: a training job's
 * runs last {@code stretch} times the planner's days on every option (so it holds its accelerators
 * longer, and options that would then end after its deadline go), an inference service needs
 * {@code scale} times the planner's accelerators on every option in every quarter.
 */
final class Tightened {
    private Tightened() {}

    /** {@code p} with the jobs named in {@code stretch} and the services named in {@code scale} tightened. */
    static BuildOut of(BuildOut p, Map<String, Double> stretch, Map<String, Double> scale) {
        List<BuildOut.Job> jobs = new ArrayList<>();
        for (BuildOut.Job job : p.jobs()) {
            Double f = stretch.get(job.name());
            jobs.add(f == null ? job : stretched(p, job, f));
        }
        List<BuildOut.Service> services = new ArrayList<>();
        for (BuildOut.Service service : p.services()) {
            Double g = scale.get(service.name());
            services.add(g == null ? service : scaled(service, g));
        }
        return new BuildOut(
                p.objective(),
                p.quarters(),
                p.types(),
                p.sites(),
                p.fixed(),
                p.drawing(),
                p.facilityWatts(),
                p.tcoUsdPerYear(),
                p.co2eKgPerYear(),
                p.steps(),
                jobs,
                services,
                p.budgets(),
                p.facilityRecoveryPerYear(),
                p.maxCo2eKg(),
                p.maxVendorShare(),
                p.timeLimitSeconds(),
                p.npv());
    }

    private static BuildOut.Job stretched(BuildOut p, BuildOut.Job job, double f) {
        List<BuildOut.JobOption> options = new ArrayList<>();
        for (BuildOut.JobOption o : job.options()) {
            double days = o.days() * f;
            LocalDate end = p.quarters().get(o.startQuarter()).start().plusDays((long) Math.ceil(days));
            if (end.isAfter(job.deadline())) {
                continue;
            }
            int endQuarter = o.startQuarter() + 1;
            while (endQuarter < p.quarters().size()
                    && p.quarters().get(endQuarter).start().isBefore(end)) {
                endQuarter++;
            }
            options.add(new BuildOut.JobOption(
                    o.type(), o.site(), o.startQuarter(), endQuarter, days, o.gpuHours() * f, end));
        }
        String fastest = job.fastest() + String.format(Locale.ROOT, ", before the simulation's stretch of ×%.3f", f);
        return new BuildOut.Job(job.name(), job.accelerators(), job.deadline(), options, fastest);
    }

    private static BuildOut.Service scaled(BuildOut.Service service, double g) {
        List<BuildOut.ServiceOption> options = new ArrayList<>();
        for (BuildOut.ServiceOption o : service.options()) {
            long[] need = new long[o.accelerators().length];
            for (int q = 0; q < need.length; q++) {
                need[q] = (long) Math.ceil(o.accelerators()[q] * g - 1e-9);
            }
            options.add(new BuildOut.ServiceOption(o.type(), o.site(), need));
        }
        return new BuildOut.Service(service.name(), options);
    }
}
