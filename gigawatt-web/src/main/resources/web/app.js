// The gigawatt page: a scenario editor with live validation, plan and charts, a sweep file over it,
// simulations and sweeps with their progress, and the runs list.
// It uses only the JSON API (docs/web.md); every figure comes from the server's engines.
import {EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection} from "@codemirror/view";
import {EditorState} from "@codemirror/state";
import {defaultKeymap, history, historyKeymap} from "@codemirror/commands";
import {syntaxHighlighting, defaultHighlightStyle} from "@codemirror/language";
import {linter, lintGutter, forceLinting} from "@codemirror/lint";
import {yaml} from "@codemirror/lang-yaml";
import {autocompletion} from "@codemirror/autocomplete";

import {$, api, withToken, number, fill} from "./common.js";
import {compare} from "./compare.js";
import {initCatalog, showCatalog} from "./catalog.js";
import {loadSchema, schemaCompletion, pathAt} from "./completion.js";
import {showPlanCharts} from "./plancharts.js";

/** What messages call the editor's scenario and the sweep file (the API's defaults). */
const SCENARIO_NAME = "scenario.yaml";
const SWEEP_NAME = "sweep.yaml";

// ---- the live plan ----

function showPlan(plan) {
  $("plan").classList.remove("stale");
  $("headline").textContent = plan.headline;
  fill($("sites"), [
    ["site", (s) => s.name, true], ["grid", (s) => s.grid, true], ["accelerators", (s) => number(s.accelerators)],
    ["capacity MW", (s) => number(s.capacityMw)], ["nameplate MW", (s) => number(s.peakFacilityPowerMw)],
    ["expected peak MW", (s) => number(s.expectedPeakFacilityPowerMw)],
    ["energy GWh/yr", (s) => number(s.energyMwhPerYear / 1000)],
    ["tCO2e/yr loc", (s) => number(s.co2eTonnesPerYear)], ["fits", (s) => s.fits ? "yes" : "NO", true],
  ], plan.sites || []);
  fill($("training"), [
    ["job", (t) => t.name, true], ["model", (t) => t.model, true], ["accelerators", (t) => number(t.gpus)],
    ["MFU", (t) => number(100 * t.mfu, 1) + "%"], ["ETTR", (t) => number(100 * t.ettr, 1) + "%"],
    ["days", (t) => number(t.wallClockDays, 1)], ["GPU-hours", (t) => number(t.gpuHours)],
    ["energy MWh", (t) => number(t.energyMwh)], ["cost $", (t) => number(t.costUsd)],
  ], plan.training || []);
  fill($("inference"), [
    ["service", (i) => i.name, true], ["accelerator", (i) => i.accelerator, true],
    ["layout", (i) => i.parallelism, true], ["replicas", (i) => number(i.replicas)],
    ["accelerators", (i) => number(i.accelerators)], ["latency at", (i) => i.latencyAt || "", true],
    ["TTFT s", (i) => number(i.ttftSeconds, 2)],
    ["TPOT ms", (i) => number(1000 * i.tpotSeconds, 1)], ["$/M tokens", (i) => number(i.usdPerMillionTokens, 3)],
  ], plan.inference || []);
  $("warnings").replaceChildren(...(plan.warnings || []).map((w) => {
    const li = document.createElement("li");
    li.textContent = typeof w === "string" ? w : (w.message || JSON.stringify(w));
    return li;
  }));
}

function showProblems(problems) {
  $("problems").replaceChildren(...problems.map((p) => {
    const li = document.createElement("li");
    li.textContent = p.text;
    return li;
  }));
  if (problems.length) $("plan").classList.add("stale");
}

let planSeq = 0;

/** The linter: the server's validator, whose problems become line markers; a valid scenario is planned. */
async function validate(view) {
  const text = view.state.doc.toString();
  const seq = ++planSeq;
  const started = performance.now();
  const r = await api("/api/validate", {method: "POST", body: text});
  if (r.status !== 200) {
    $("status").textContent = r.body.error || ("validate: HTTP " + r.status);
    return [];
  }
  const problems = r.body.problems;
  showProblems(problems);
  $("status").textContent = (problems.length ? problems.length + " problem(s)" : "valid")
      + " (" + Math.round(performance.now() - started) + " ms)";
  if (!problems.length) plan(text, seq);
  const doc = view.state.doc;
  return problems.map((p) => {
    const line = doc.line(Math.min(Math.max(p.line, 1), doc.lines));
    return {from: line.from, to: line.to, severity: "error",
      message: (p.path ? p.path + ": " : "") + p.message};
  });
}

/** The last plan shown (the sweep template names its first site). */
let lastPlan = null;

async function plan(text, seq) {
  const r = await api("/api/plan", {method: "POST", body: text});
  if (seq !== planSeq) return; // the scenario changed meanwhile
  if (r.status === 200) {
    lastPlan = r.body;
    showPlan(r.body);
    showPlanCharts(r.body).catch((e) => { $("status").textContent = "charts: " + e.message; });
  }
}

const editor = new EditorView({
  parent: $("editor"),
  state: EditorState.create({
    doc: "",
    extensions: [
      lineNumbers(), highlightActiveLine(), drawSelection(), history(),
      keymap.of([...defaultKeymap, ...historyKeymap]),
      syntaxHighlighting(defaultHighlightStyle), yaml(),
      lintGutter(), linter(validate, {delay: 150}),
      autocompletion({override: [schemaCompletion]}),
    ],
  }),
});
// ---- the sweep file: a second editor, checked against the scenario as gigawatt sweep checks it ----

function sweepBody() {
  return JSON.stringify({sweep: sweepEditor.state.doc.toString(), scenario: editor.state.doc.toString(),
    sweepName: SWEEP_NAME, scenarioName: SCENARIO_NAME});
}

let sweepSeq = 0;
let latestSweepCheck = null;

/**
 * The sweep's linter: problems of the sweep file become its markers; those of the scenario are
 * listed. A check overtaken by a later one (the tab opened, the sweep changed) answers with the later one's.
 */
function validateSweep(view) {
  latestSweepCheck = checkSweep(view, ++sweepSeq);
  return latestSweepCheck;
}

async function checkSweep(view, seq) {
  const r = await api("/api/sweep/validate", {method: "POST", body: sweepBody()});
  if (seq !== sweepSeq) return latestSweepCheck;
  if (r.status !== 200) {
    $("sweep-problems").replaceChildren(li(r.body.error || ("validate: HTTP " + r.status)));
    return [];
  }
  $("sweep-problems").replaceChildren(...r.body.problems.map((p) => li(p.text)));
  if (r.body.file !== SWEEP_NAME) return [];
  const doc = view.state.doc;
  return r.body.problems.map((p) => {
    const line = doc.line(Math.min(Math.max(p.line, 1), doc.lines));
    return {from: line.from, to: line.to, severity: "error", message: (p.path ? p.path + ": " : "") + p.message};
  });
}

function li(text) {
  const item = document.createElement("li");
  item.textContent = text;
  return item;
}

/** A first sweep over the scenario in the editor: its first site's PUE at three values, planned. */
function sweepTemplate() {
  const site = lastPlan && lastPlan.sites && lastPlan.sites.length ? lastPlan.sites[0].name : "0";
  return "# A sweep over the scenario in the editor (docs/sweeps.md). Planning every point is instant;\n"
      + "# with mode: simulate each point is simulated, replications times.\n"
      + "name: pue-sweep\n"
      + "scenario: " + SCENARIO_NAME + "   # the scenario in the editor\n"
      + "mode: plan\n"
      + "replications: 1\n"
      + "axes:\n"
      + "  - path: sites[" + site + "].pue\n"
      + "    values: [1.1, 1.2, 1.3]\n"
      + "outputs: [tco_usd_per_year, energy_mwh_per_year, co2e_tonnes_per_year]   # KPIs of a plan (docs/results.md)\n";
}

const sweepEditor = new EditorView({
  parent: $("sweep-editor"),
  state: EditorState.create({
    doc: "",
    extensions: [
      lineNumbers(), highlightActiveLine(), drawSelection(), history(),
      keymap.of([...defaultKeymap, ...historyKeymap]),
      syntaxHighlighting(defaultHighlightStyle), yaml(),
      lintGutter(), linter(validateSweep, {delay: 150}),
    ],
  }),
});

function showFile(name) {
  const sweep = name === "sweep";
  $("file-scenario").classList.toggle("active", !sweep);
  $("file-sweep").classList.toggle("active", sweep);
  $("editor").hidden = sweep;
  $("problems").hidden = sweep;
  $("sweep-editor").hidden = !sweep;
  $("sweep-problems").hidden = !sweep;
  if (sweep) {
    if (!sweepEditor.state.doc.length) {
      sweepEditor.dispatch({changes: {from: 0, insert: sweepTemplate()}});
    }
    forceLinting(sweepEditor); // the scenario may have changed since
    sweepEditor.focus();
  }
}

window.gigawatt = {editor, sweepEditor, pathAt: (pos) => pathAt(editor.state, pos)};
loadSchema();

async function loadExample(name) {
  const r = await api("/api/examples/" + encodeURIComponent(name));
  if (r.status === 200) {
    editor.dispatch({changes: {from: 0, to: editor.state.doc.length, insert: r.body}});
  }
}

async function initExamples() {
  const r = await api("/api/examples");
  const names = r.status === 200 ? r.body : [];
  $("examples").replaceChildren(...names.map((n) => new Option(n, n)));
  const first = names.includes("quickstart.yaml") ? "quickstart.yaml" : names[0];
  if (first) {
    $("examples").value = first;
    await loadExample(first);
  }
  $("examples").addEventListener("change", () => loadExample($("examples").value));
}

// ---- simulations ----

async function simulate() {
  follow(await api("/api/simulate", {method: "POST", body: editor.state.doc.toString()}));
}

async function sweep() {
  if (!sweepEditor.state.doc.length) {
    showFile("sweep");
    $("sim-status").textContent = "write the sweep in the sweep.yaml tab, then press Run sweep";
    return;
  }
  follow(await api("/api/sweep", {method: "POST", body: sweepBody()}));
}

const ordinal = (n) => n + (n % 10 === 1 && n % 100 !== 11 ? "st" : n % 10 === 2 && n % 100 !== 12 ? "nd"
    : n % 10 === 3 && n % 100 !== 13 ? "rd" : "th");

/** Follows a queued simulation or sweep (the answer to its POST) from its event stream to its end. */
function follow(r) {
  $("open-run").hidden = true;
  if (r.status !== 202) {
    $("sim-status").textContent = r.body.error
        || (r.body.problems ? r.body.problems.map((p) => p.text).join("; ") : "HTTP " + r.status);
    return;
  }
  const id = r.body.id;
  $("progress").hidden = false;
  $("cancel").hidden = false;
  $("cancel").onclick = () => api("/api/simulations/" + id + "/cancel", {method: "POST"});
  const events = new EventSource(withToken("/api/simulations/" + id + "/events"));
  const show = (job) => {
    $("progress").value = job.progress;
    $("sim-status").textContent = (job.kind === "sweep" ? "sweep " : "") + job.scenario + ": " + job.state
        + (job.state === "queued" && job.position > 0 ? ", " + ordinal(job.position) + " in the queue" : "")
        + (job.state === "running" ? " " + Math.round(100 * job.progress) + "%" : "");
  };
  show(r.body);
  events.addEventListener("progress", (e) => show(JSON.parse(e.data)));
  events.addEventListener("end", (e) => {
    events.close();
    const job = JSON.parse(e.data);
    show(job);
    $("cancel").hidden = true;
    $("progress").hidden = true;
    if (job.state === "done") {
      $("sim-status").textContent = "recorded " + (job.kind === "sweep" ? "sweep" : "run") + " " + job.runId;
      $("open-run").hidden = false;
      $("open-run").onclick = () => showRun(job.runId);
      loadRuns();
    } else if (job.error) {
      $("sim-status").textContent = job.state + ": " + job.error;
    }
  });
}

/** Shows the Runs view with the report of {@code runId}. */
async function showRun(runId) {
  showView("runs");
  await loadRuns();
  const row = $("runs").querySelector("tr[data-run-id='" + CSS.escape(runId) + "']");
  if (row) openReport(runId, row);
}

// ---- runs ----

/** The runs ticked for comparison, in the order they were ticked (the first is the baseline). */
let ticked = [];

let runsSeq = 0;

/** The runs list as the filter boxes ask for it (GET /api/runs?search=&kind=&from=&to=). */
async function loadRuns() {
  const query = new URLSearchParams();
  for (const [param, id] of [["search", "runs-search"], ["kind", "runs-kind"], ["from", "runs-from"], ["to", "runs-to"]]) {
    if ($(id).value) query.set(param, $(id).value);
  }
  const seq = ++runsSeq;
  const r = await api("/api/runs" + (query.toString() ? "?" + query : ""));
  if (seq !== runsSeq) return; // the filter changed meanwhile
  if (r.status !== 200) {
    $("runs-count").textContent = r.body.error || ("runs: HTTP " + r.status);
    return;
  }
  $("runs-count").textContent = r.body.length + (r.body.length === 1 ? " run" : " runs");
  const table = $("runs");
  fill(table, [
    ["run id", (x) => x.runId, true], ["kind", (x) => x.kind, true], ["scenario", (x) => x.scenario, true],
    ["started (UTC)", (x) => x.started.replace("T", " ").replace("Z", ""), true],
    ["seconds", (x) => number(x.seconds, 1)], ["status", (x) => x.status, true],
  ], r.body);
  const ids = r.body.map((x) => x.runId);
  ticked = ticked.filter((id) => ids.includes(id));
  const th = document.createElement("th");
  th.textContent = "compare";
  table.rows[0].prepend(th);
  [...table.rows].slice(1).forEach((row, i) => {
    const runId = ids[i];
    row.className = "run";
    row.dataset.runId = runId;
    const box = document.createElement("input");
    box.type = "checkbox";
    box.className = "pick";
    box.title = "compare this run";
    box.checked = ticked.includes(runId);
    box.addEventListener("click", (e) => e.stopPropagation());
    box.addEventListener("change", () => {
      ticked = box.checked ? [...ticked, runId] : ticked.filter((id) => id !== runId);
      updateCompareButton();
    });
    const td = row.insertCell(0);
    td.appendChild(box);
    row.addEventListener("click", () => openReport(runId, row));
  });
  updateCompareButton();
}

function updateCompareButton() {
  $("compare-selected").disabled = ticked.length < 2;
  $("compare-selected").textContent = "Compare" + (ticked.length ? " " + ticked.length : "") + " selected";
}

function openReport(runId, row) {
  for (const other of $("runs").querySelectorAll("tr.selected")) other.classList.remove("selected");
  row.classList.add("selected");
  $("compare").hidden = true;
  $("report").hidden = false;
  $("report-title").textContent = "Report of run " + runId;
  $("report").src = withToken("/api/runs/" + encodeURIComponent(runId) + "/report");
  showDownloads(runId);
}

/** Links to the run's tables that have rows, each as CSV, JSON and Parquet (GET /api/runs/{id}/tables). */
async function showDownloads(runId) {
  const box = $("downloads");
  box.hidden = true;
  box.dataset.runId = runId;
  const r = await api("/api/runs/" + encodeURIComponent(runId) + "/tables");
  if (r.status !== 200 || box.dataset.runId !== runId) return; // another run was opened meanwhile
  const parts = [document.createTextNode("Download: ")];
  for (const t of r.body.filter((t) => t.rows > 0)) {
    const span = document.createElement("span");
    span.className = "table-files";
    span.append(t.table + " (" + number(t.rows) + " rows) ");
    for (const [format, url] of Object.entries(t.files)) {
      const a = document.createElement("a");
      a.href = withToken(url);
      a.download = "";
      a.textContent = format;
      span.append(a, " ");
    }
    parts.push(span);
  }
  box.replaceChildren(...parts);
  box.hidden = false;
}

function showView(name) {
  for (const tab of document.querySelectorAll(".tab")) tab.classList.toggle("active", tab.dataset.view === name);
  $("view-editor").hidden = name !== "editor";
  $("view-runs").hidden = name !== "runs";
  $("view-catalog").hidden = name !== "catalog";
  if (name === "runs") loadRuns();
  if (name === "catalog") showCatalog();
}

for (const tab of document.querySelectorAll(".tab")) tab.addEventListener("click", () => showView(tab.dataset.view));
$("simulate").addEventListener("click", simulate);
$("sweep").addEventListener("click", sweep);
$("file-scenario").addEventListener("click", () => showFile("scenario"));
$("file-sweep").addEventListener("click", () => showFile("sweep"));
initCatalog();
$("compare-selected").addEventListener("click", () => compare(ticked));
let searchTimer = null;
$("runs-search").addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(loadRuns, 150);
});
for (const id of ["runs-kind", "runs-from", "runs-to"]) $(id).addEventListener("change", loadRuns);
initExamples();
