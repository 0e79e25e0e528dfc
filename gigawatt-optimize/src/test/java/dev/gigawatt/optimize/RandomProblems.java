package dev.gigawatt.optimize;

import java.util.SplittableRandom;

/** Seeded random build-outs: tiny ones for brute force, larger ones for invariants. */
final class RandomProblems {
    private RandomProblems() {}

    /** Two types, one site, two quarters, one service, one job and one step: small enough to enumerate. */
    static BuildOut tiny(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Tiny b = new Tiny().quarters(2);
        b.objective = r.nextBoolean() ? "capex" : "tco";
        for (int t = 0; t < 2; t++) {
            b.type("T" + t, "v" + t, 5 + r.nextInt(16), 50 + r.nextInt(101), r.nextInt(3) == 0 ? 2 + r.nextInt(5) : 0);
            b.typeFigures.get(t)[1] = 1 + r.nextInt(10);
        }
        b.site("s", 300 + r.nextInt(601));
        b.steps.add(new BuildOut.Step(
                "step", 0, 200 + r.nextInt(401), r.nextInt(2), 10 + r.nextInt(51), new double[][] {{1}, {1}}));
        b.service("svc", 1 + r.nextInt(4), 1 + r.nextInt(4));
        b.job("job", 1 + r.nextInt(3), 100 + r.nextInt(90), 20 + r.nextInt(150), 20 + r.nextInt(150));
        if (r.nextInt(3) == 0) {
            b.budget(40 + r.nextInt(80));
        }
        if (r.nextInt(4) == 0) {
            b.maxVendorShare = 0.5 + r.nextInt(5) / 10.0;
        }
        return b.build();
    }

    /** Three types, two sites, four quarters, two services, two jobs, two steps and a budget. */
    static BuildOut medium(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Tiny b = new Tiny().quarters(4);
        b.objective = r.nextBoolean() ? "capex" : "tco";
        for (int t = 0; t < 3; t++) {
            b.type(
                    "T" + t,
                    "v" + (t % 2),
                    1e4 + r.nextInt(40_000),
                    500 + r.nextInt(1500),
                    r.nextInt(2) == 0 ? 500 + r.nextInt(3000) : 0);
            b.typeFigures.get(t)[1] = 2e3 + r.nextInt(10_000);
        }
        b.site("a", 1e6 + r.nextInt(4_000_000));
        b.site("b", r.nextInt(3_000_000));
        for (int k = 0; k < 2; k++) {
            double[][] share = new double[4][1];
            for (double[] s : share) {
                s[0] = 1;
            }
            b.steps.add(new BuildOut.Step(
                    "step" + k, k, 5e5 + r.nextInt(3_000_000), r.nextInt(4), 1e6 + r.nextInt(20_000_000), share));
        }
        b.service("chat", 200 + r.nextInt(2000), 200 + r.nextInt(2000), 200 + r.nextInt(2000));
        b.service("code", 100 + r.nextInt(1000), 100 + r.nextInt(1000), 100 + r.nextInt(1000));
        b.job(
                "pretrain",
                256 + r.nextInt(2048),
                200 + r.nextInt(160),
                30 + r.nextInt(200),
                30 + r.nextInt(200),
                30 + r.nextInt(200));
        b.job("finetune", 64 + r.nextInt(512), 100 + r.nextInt(260), 10 + r.nextInt(80), 10 + r.nextInt(80));
        if (r.nextBoolean()) {
            b.budget(5e7 + r.nextInt(200_000_000));
        }
        if (r.nextBoolean()) {
            b.maxVendorShare = 0.6 + r.nextInt(4) / 10.0;
        }
        return b.build();
    }
}
