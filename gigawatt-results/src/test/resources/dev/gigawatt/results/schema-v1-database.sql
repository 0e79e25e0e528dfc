-- A results database as gigawatt wrote it before schema versions existed (schema version 1:
-- no jobs.useful_gpu_hours, no schema_version table), with one simulation run's rows.
CREATE TABLE IF NOT EXISTS runs (
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
CREATE TABLE IF NOT EXISTS kpis (run_id VARCHAR, name VARCHAR, value DOUBLE, unit VARCHAR);
CREATE TABLE IF NOT EXISTS site_hourly (
    run_id VARCHAR, site VARCHAR, hour INTEGER, time TIMESTAMP,
    it_energy_mwh DOUBLE, facility_energy_mwh DOUBLE, capacity_mw DOUBLE,
    co2e_tonnes_location DOUBLE, co2e_tonnes_market DOUBLE, water_m3 DOUBLE,
    training_gpu_hours DOUBLE, serving_gpu_hours DOUBLE, idle_gpu_hours DOUBLE, repair_gpu_hours DOUBLE,
    running_jobs INTEGER, served_tokens DOUBLE, demand_tokens DOUBLE, energy_cost_usd DOUBLE,
    training_throughput DOUBLE
);
CREATE TABLE IF NOT EXISTS jobs (
    run_id VARCHAR, job VARCHAR, mix VARCHAR, site VARCHAR, accelerator VARCHAR, accelerators BIGINT,
    submit_hours DOUBLE, start_hours DOUBLE, end_hours DOUBLE, completed BOOLEAN, interruptions INTEGER,
    preemptions INTEGER, lost_gpu_hours DOUBLE, gpu_hours DOUBLE, ettr DOUBLE, progress DOUBLE
);
CREATE TABLE IF NOT EXISTS job_events (run_id VARCHAR, time_hours DOUBLE, job VARCHAR, event VARCHAR, lost_gpu_hours DOUBLE);
CREATE TABLE IF NOT EXISTS services (
    run_id VARCHAR, service VARCHAR, site VARCHAR, accelerator VARCHAR, parallelism VARCHAR,
    replicas_at_peak BIGINT, demand_tokens DOUBLE, served_tokens DOUBLE, unmet_tokens DOUBLE,
    hours INTEGER, hours_met INTEGER, slo_attainment DOUBLE
);
CREATE TABLE IF NOT EXISTS sources (run_id VARCHAR, kind VARCHAR, name VARCHAR, field VARCHAR, source VARCHAR, estimate BOOLEAN);
CREATE TABLE IF NOT EXISTS sweep_points (run_id VARCHAR, point INTEGER, path VARCHAR, value VARCHAR, number DOUBLE);
CREATE TABLE IF NOT EXISTS sweep_runs (run_id VARCHAR, point INTEGER, replication BIGINT, kpi VARCHAR, value DOUBLE);
INSERT INTO runs VALUES ('20250101-000000-abcdef', 'simulate', 'old', 'old.yaml', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', '', 7, 0, 'fifo', '0.1.0-SNAPSHOT', TIMESTAMP '2025-01-01 00:00:00', TIMESTAMP '2025-01-01 00:00:01', 'complete', '{}');
INSERT INTO kpis VALUES ('20250101-000000-abcdef', 'energy_mwh', 12.5, 'MWh');
INSERT INTO jobs VALUES ('20250101-000000-abcdef', 'old-job', '', 'a', 'H100-SXM', 512, 0, 1, 2, true, 0, 0, 0, 1024, 0.9, 1);
