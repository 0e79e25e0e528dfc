-- Schema version 1: the results database as first released. docs/results.md documents every table
-- and column. A run is visible once its row in `runs` is committed; every other table joins on run_id.
-- Never edit a released version: add the next one (SchemaMigrations lists them).
CREATE TABLE runs (
    run_id VARCHAR PRIMARY KEY,
    kind VARCHAR NOT NULL,
    scenario VARCHAR NOT NULL,
    scenario_file VARCHAR,
    scenario_sha256 VARCHAR,
    scenario_text VARCHAR,
    seed BIGINT,
    replication BIGINT,
    scheduler VARCHAR,
    gigawatt_version VARCHAR,
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    status VARCHAR,
    summary_json VARCHAR
);
CREATE TABLE kpis (run_id VARCHAR, name VARCHAR, value DOUBLE, unit VARCHAR);
CREATE TABLE site_hourly (
    run_id VARCHAR, site VARCHAR, hour INTEGER, time TIMESTAMP,
    it_energy_mwh DOUBLE, facility_energy_mwh DOUBLE, capacity_mw DOUBLE,
    co2e_tonnes_location DOUBLE, co2e_tonnes_market DOUBLE, water_m3 DOUBLE,
    training_gpu_hours DOUBLE, serving_gpu_hours DOUBLE, idle_gpu_hours DOUBLE, repair_gpu_hours DOUBLE,
    running_jobs INTEGER, served_tokens DOUBLE, demand_tokens DOUBLE, energy_cost_usd DOUBLE,
    training_throughput DOUBLE
);
CREATE TABLE jobs (
    run_id VARCHAR, job VARCHAR, mix VARCHAR, site VARCHAR, accelerator VARCHAR, accelerators BIGINT,
    submit_hours DOUBLE, start_hours DOUBLE, end_hours DOUBLE, completed BOOLEAN, interruptions INTEGER,
    preemptions INTEGER, lost_gpu_hours DOUBLE, gpu_hours DOUBLE, ettr DOUBLE, progress DOUBLE
);
CREATE TABLE job_events (run_id VARCHAR, time_hours DOUBLE, job VARCHAR, event VARCHAR, lost_gpu_hours DOUBLE);
CREATE TABLE services (
    run_id VARCHAR, service VARCHAR, site VARCHAR, accelerator VARCHAR, parallelism VARCHAR,
    replicas_at_peak BIGINT, demand_tokens DOUBLE, served_tokens DOUBLE, unmet_tokens DOUBLE,
    hours INTEGER, hours_met INTEGER, slo_attainment DOUBLE
);
CREATE TABLE sources (run_id VARCHAR, kind VARCHAR, name VARCHAR, field VARCHAR, source VARCHAR, estimate BOOLEAN);
CREATE TABLE sweep_points (run_id VARCHAR, point INTEGER, path VARCHAR, value VARCHAR, number DOUBLE);
CREATE TABLE sweep_runs (run_id VARCHAR, point INTEGER, replication BIGINT, kpi VARCHAR, value DOUBLE);
