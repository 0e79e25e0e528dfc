package dev.gigawatt.input;

import dev.gigawatt.units.Units;

/**
 * Every bound on what an input file may ask for, in one place: the size and shape of a file, names,
 * dates, the horizon, the magnitude of each number, and how much work a scenario or a sweep may
 * ask for. docs/scenario.md ("Input bounds") lists each with its reason.
 *
 * <p>The bounds keep results meaningful (no infinite or n/a figures from finite input) and keep
 * hostile or mistyped input from exhausting memory or time: they are checked while reading, before
 * any work is done, and a value outside one is reported with its path and line like any other problem.
 */
public final class Limits {
    private Limits() {}

    // ---- files ----

    /** Largest input file read, in bytes (4 MiB); scenario files are a few kilobytes. */
    public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;
    /** Most aliases ({@code *name}) to lists or mappings in one file (guards against alias bombs). */
    public static final int MAX_ALIASES = 20;
    /** Deepest nesting of lists and mappings. */
    public static final int MAX_NESTING = 64;
    /** Longest name (of a scenario, site, job, service, mix, sweep or catalog entry), in characters. */
    public static final int MAX_NAME_LENGTH = 200;

    // ---- dates and the horizon ----

    /** Earliest year of any date. */
    public static final int MIN_YEAR = 1900;
    /** Latest year of any date. */
    public static final int MAX_YEAR = 2200;
    /** Longest horizon, in years (calendar years for {@code end}, 365-day years for {@code duration}). */
    public static final int MAX_HORIZON_YEARS = 50;
    /** Longest horizon {@code duration}. */
    public static final Bound HORIZON_DURATION = Bound.POSITIVE.atMost(
            MAX_HORIZON_YEARS * Units.SECONDS_PER_YEAR, "must be > 0 and at most " + MAX_HORIZON_YEARS + " years");

    // ---- how much work a scenario asks for ----

    /** Most sites in a scenario. */
    public static final int MAX_SITES = 1_000;
    /** Most site-hours (sites × hours of the horizon): the simulator keeps 15 hourly series per site. */
    public static final long MAX_SITE_HOURS = 10_000_000L;
    /** Most training jobs that the job mixes may generate over the horizon (expected value). */
    public static final long MAX_GENERATED_JOBS = 1_000_000L;
    /** Simulator time per generated job, seconds (measured: 920,000 jobs of meta-2025 in 10 s). */
    static final double SECONDS_PER_JOB = 1.1e-5;
    /** Simulator memory per generated job, bytes (measured: 920,000 jobs of meta-2025 in 1.0 GB). */
    static final double BYTES_PER_JOB = 1.1e3;

    /** "about 8 minutes and 48 GB of memory": what simulating {@code jobs} generated jobs costs. */
    public static String simulationEstimate(double jobs) {
        return "about " + Amounts.duration(jobs * SECONDS_PER_JOB) + " and " + Amounts.bytes(jobs * BYTES_PER_JOB)
                + " of memory";
    }

    /** Highest peak output-token demand of one inference service at the horizon's end, tokens/s. */
    public static final double MAX_PEAK_TOKENS_PER_SECOND = 1e12;

    // ---- sites and fleet ----

    /** Grid capacity of one site (or one capacity step). */
    public static final Bound SITE_POWER = Bound.POSITIVE.atMost(1e12, "must be > 0 and at most 1 TW");
    /** Power usage effectiveness. */
    public static final Bound PUE = Bound.between(1, 10, "must be between 1 and 10");
    /** Water per kWh (on-site WUE, off-site water intensity of a grid). */
    public static final Bound WATER_INTENSITY = Bound.between(0, 100, "must be between 0 and 100 L/kWh");
    /** Price of electricity, USD per MWh. */
    public static final Bound ENERGY_PRICE = Bound.between(0, 10_000, "must be between $0 and $10,000/MWh");
    /** Accelerators in one fleet deployment. */
    public static final long MAX_DEPLOYMENT_COUNT = 1_000_000_000L;
    /** Accelerators per server, servers per rack. */
    public static final long MAX_PER_SERVER_OR_RACK = 1_000;
    /** Price of one accelerator. */
    public static final Bound ACCELERATOR_PRICE = Bound.POSITIVE.atMost(1e7, "must be > $0 and at most $10M");

    // ---- training ----

    /** Tokens of one training run. */
    public static final Bound TRAINING_TOKENS =
            Bound.POSITIVE.atMost(1e16, "must be > 0 and at most 1e16 (\"10,000T\")");
    /** Accelerators of one training job or job-mix job. */
    public static final long MAX_JOB_ACCELERATORS = 100_000_000L;
    /** Tokens per training sequence, and a model's context length. */
    public static final long MAX_SEQUENCE_LENGTH = 100_000_000L;
    /** Job priority, either sign. */
    public static final long MAX_PRIORITY = 1_000_000L;
    /** Bytes of one checkpoint. */
    public static final Bound CHECKPOINT_SIZE = Bound.POSITIVE.atMost(1e18, "must be > 0 and at most 1 EB (1,000 PB)");
    /** Bandwidth: checkpoint writes, accelerator memory, interconnects. */
    public static final Bound BANDWIDTH = Bound.POSITIVE.atMost(1e16, "must be > 0 and at most 10,000 TB/s");
    /** A checkpoint interval given as a duration. */
    public static final Bound CHECKPOINT_INTERVAL =
            Bound.between(60, MAX_HORIZON_YEARS * Units.SECONDS_PER_YEAR, "must be between 1 min and 50 years");
    /** Median compute time of a job-mix job. */
    public static final Bound JOB_DURATION =
            Bound.POSITIVE.atMost(MAX_HORIZON_YEARS * Units.SECONDS_PER_YEAR, "must be > 0 and at most 50 years");
    /** Lognormal sigma (spread) of job-mix durations. */
    public static final Bound DURATION_SPREAD = Bound.between(0, 5, "must be between 0 and 5");
    /** Time to write one checkpoint of a job-mix job. */
    public static final Bound CHECKPOINT_WRITE =
            Bound.between(0, Units.SECONDS_PER_DAY, "must be between 0 s and 1 day");

    // ---- inference ----

    /** Daily active users of a service. */
    public static final Bound USERS = Bound.POSITIVE.atMost(1e10, "must be > 0 and at most 1e10 (\"10B\")");
    /** Requests per user per day. */
    public static final Bound REQUESTS_PER_USER_PER_DAY =
            Bound.POSITIVE.atMost(1e6, "must be > 0 and at most 1,000,000");
    /** Input or output tokens per request. */
    public static final Bound TOKENS_PER_REQUEST = Bound.POSITIVE.atMost(1e8, "must be > 0 and at most 1e8 (\"100M\")");
    /** Latency objectives (time to first token, time per output token). */
    public static final Bound LATENCY = Bound.POSITIVE.atMost(Units.SECONDS_PER_HOUR, "must be > 0 and at most 1 h");
    /** Busiest hour's demand over the daily mean. */
    public static final Bound PEAK_TO_MEAN = Bound.between(1, 100, "must be between 1 and 100");
    /** Share of each prompt a service finds in its prefix cache. */
    public static final Bound CACHED_INPUT_SHARE = Bound.between(0, 0.99, "must be between 0% and 99%");
    /** Yearly demand growth, as a fraction. */
    public static final Bound GROWTH_PER_YEAR = Bound.above(-1, 10, "must be above -100% and at most 1000%");
    /** Tensor or pipeline parallelism. */
    public static final long MAX_PARALLELISM = 1024;

    // ---- finance and reliability ----

    /** Facility capex per watt of grid capacity, USD/W. */
    public static final Bound FACILITY_COST = Bound.between(0, 1_000, "must be between $0 and $1,000/W");
    /** Book lives, in years: at least a month. */
    public static final Bound BOOK_LIFE_YEARS =
            Bound.between(1.0 / 12, 100, "must be between 0.0833 (one month) and 100 years");
    /** Time over which a capacity step's facility capex is spent before it is energised. */
    public static final Bound CONSTRUCTION_LEAD_TIME =
            Bound.between(0, 10 * Units.SECONDS_PER_YEAR, "must be between 0 days and 10 years");
    /** Cost of capital, a yearly rate. */
    public static final Bound COST_OF_CAPITAL = Bound.between(0, 1, "must be between 0% and 100%");
    /** Budgets and revenues. */
    public static final Bound MONEY = Bound.NON_NEGATIVE.atMost(1e15, "must be between $0 and $1,000,000B");
    /** A capex budget. */
    public static final Bound BUDGET = Bound.POSITIVE.atMost(1e15, "must be > $0 and at most $1,000,000B");
    /** Mean time between failures of one accelerator (a huge one, such as "1e15 h", turns failures off). */
    public static final Bound ACCELERATOR_MTBF = Bound.between(
            100 * Units.SECONDS_PER_HOUR, 1e18 * Units.SECONDS_PER_HOUR, "must be between 100 h and 1e18 h");
    /** Time to repair a failed part. */
    public static final Bound REPAIR_TIME =
            Bound.POSITIVE.atMost(Units.SECONDS_PER_YEAR, "must be > 0 and at most 1 year");
    /** Time to restart a job after a failure. */
    public static final Bound RESTART_OVERHEAD =
            Bound.between(0, Units.SECONDS_PER_DAY, "must be between 0 s and 1 day");
    /** Restart time each accelerator of a job adds (rendezvous and communicator set-up). */
    public static final Bound RESTART_PER_ACCELERATOR = Bound.between(0, 1, "must be between 0 s and 1 s");

    // ---- catalog ----

    /** Price of one whole server or rack. */
    public static final Bound SYSTEM_PRICE = Bound.POSITIVE.atMost(1e9, "must be > $0 and at most $1B");
    /** Dense peak compute of one accelerator, FLOP/s. */
    public static final Bound PEAK_COMPUTE = Bound.POSITIVE.atMost(1e18, "must be > 0 and at most 1 EFLOPS");
    /** Memory of one accelerator. */
    public static final Bound ACCELERATOR_MEMORY = Bound.POSITIVE.atMost(1e15, "must be > 0 and at most 1 PB");
    /** Power of one accelerator or of one server's host. */
    public static final Bound DEVICE_POWER = Bound.POSITIVE.atMost(1e6, "must be > 0 and at most 1 MW");
    /** Idle or host power of a device (may be zero). */
    public static final Bound DEVICE_POWER_OR_ZERO = Bound.between(0, 1e6, "must be between 0 W and 1 MW");
    /** Embodied carbon of one accelerator, kg CO2e. */
    public static final Bound EMBODIED_CARBON = Bound.between(0, 1e6, "must be between 0 kg and 1,000 t");
    /** Parameters of a model. */
    public static final Bound PARAMETERS = Bound.POSITIVE.atMost(1e15, "must be > 0 and at most 1e15 (\"1,000T\")");
    /** Years an accelerator may have been introduced in. */
    public static final long MIN_CATALOG_YEAR = 2000;

    public static final long MAX_CATALOG_YEAR = 2100;
    /** Transformer layers of a model. */
    public static final long MAX_LAYERS = 10_000;
    /** Width of a model. */
    public static final long MAX_HIDDEN_SIZE = 1_000_000;
    /** Attention heads or key/value heads of a model. */
    public static final long MAX_HEADS = 10_000;
    /** Head dimension of a model. */
    public static final long MAX_HEAD_DIM = 100_000;
    /** Vocabulary of a model. */
    public static final long MAX_VOCABULARY = 10_000_000;
    /** Interruptions of one failure category. */
    public static final long MAX_INTERRUPTIONS = 1_000_000;
    /** Carbon intensity of a grid, g CO2e per kWh. */
    public static final Bound CARBON_INTENSITY = Bound.between(0, 10_000, "must be between 0 and 10,000 g/kWh");
    /** Outdoor air temperature of a climate, °C. */
    public static final Bound TEMPERATURE = Bound.between(-80, 60, "must be between -80 and 60 (degrees Celsius)");
    /** Relative change of a facility's overhead per kelvin of outdoor temperature. */
    public static final Bound OVERHEAD_PER_KELVIN = Bound.between(0, 0.2, "must be between 0% and 20% per kelvin");
    /** Latitude, degrees north. */
    public static final Bound LATITUDE = Bound.between(-90, 90, "must be between -90 and 90 (degrees north)");
    /** Offset of a clock from UTC, hours. */
    public static final Bound UTC_OFFSET = Bound.between(-12, 14, "must be between -12 and 14 (hours)");
    /** One factor of a measured hourly carbon profile (any unit; rescaled to the annual mean). */
    public static final Bound PROFILE_FACTOR = Bound.between(0, 1e9, "must be between 0 and 1e9");
    /** Days of a failure observation. */
    public static final Bound OBSERVATION_DAYS = Bound.POSITIVE.atMost(36_500, "must be > 0 and at most 36,500");

    // ---- sweeps ----

    /** Most points of a sweep. */
    public static final long MAX_SWEEP_POINTS = 100_000;
    /** Most runs of a sweep (points × replications). */
    public static final long MAX_SWEEP_RUNS = 1_000_000;
    /** Most values of one axis range. */
    public static final long MAX_RANGE_STEPS = 10_000;
    /** Lognormal sigma of a sweep's uncertain input. */
    public static final Bound SWEEP_SIGMA = Bound.POSITIVE.atMost(5, "must be > 0 and at most 5");
    /** Most replications or samples (each also bounded by {@link #MAX_SWEEP_RUNS}). */
    public static final long MAX_REPLICATIONS = 1_000_000;
}
