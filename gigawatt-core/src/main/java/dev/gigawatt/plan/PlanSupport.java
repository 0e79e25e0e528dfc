package dev.gigawatt.plan;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.ServerSpec;
import dev.gigawatt.scenario.Deployment;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.Site;

/** Small lookups the planners share. */
final class PlanSupport {
    private PlanSupport() {}

    /** A deployment-shaped description of {@code count} accelerators in their default server, for unit economics. */
    static Deployment unitDeployment(Accelerator accelerator, long count, String site, Economics economics) {
        Scenario scenario = economics.scenario();
        ServerSpec server = scenario.catalog()
                .servers()
                .find(accelerator.serverName())
                .orElseThrow(() -> new IllegalStateException(
                        "accelerator " + accelerator.name() + " has no server in the catalog"));
        for (Deployment d : scenario.fleet()) {
            if (d.accelerator().name().equals(accelerator.name())) {
                return new Deployment(
                        accelerator,
                        d.server(),
                        count,
                        site,
                        d.inService(),
                        d.acceleratorsPerServer(),
                        d.serversPerRack(),
                        d.priceUsd());
            }
        }
        return new Deployment(
                accelerator,
                server,
                count,
                site,
                scenario.horizon().start(),
                server.acceleratorsPerServer(),
                server.serversPerRack(),
                scenario.finance().priceUsd(accelerator));
    }

    /** The site a workload runs at: the one it names, else the first with its accelerator, else the first site. */
    static Site siteFor(String named, Accelerator accelerator, Scenario scenario) {
        if (named != null) {
            return scenario.site(named);
        }
        if (accelerator != null) {
            for (Deployment d : scenario.fleet()) {
                if (d.accelerator().name().equals(accelerator.name())) {
                    return scenario.site(d.site());
                }
            }
        }
        return scenario.sites().get(0);
    }
}
