// The gigawatt page: a scenario editor with live validation and plan, simulations and the runs list.
// It uses only the JSON API (docs/web.md); every figure comes from the server's engines.
import {EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection} from "@codemirror/view";
import {EditorState} from "@codemirror/state";
import {defaultKeymap, history, historyKeymap} from "@codemirror/commands";
import {syntaxHighlighting, defaultHighlightStyle} from "@codemirror/language";
import {linter, lintGutter} from "@codemirror/lint";
import {yaml} from "@codemirror/lang-yaml";
import {autocompletion} from "@codemirror/autocomplete";

import {$, api, withToken, number, fill} from "./common.js";
import {compare} from "./compare.js";
import {initCatalog, showCatalog} from "./catalog.js";
import {loadSchema, schemaCompletion, pathAt} from "./completion.js";

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

async function plan(text, seq) {
  const r = await api("/api/plan", {method: "POST", body: text});
  if (seq !== planSeq) return; // the scenario changed meanwhile
  if (r.status === 200) showPlan(r.body);
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
window.gigawatt = {editor, pathAt: (pos) => pathAt(editor.state, pos)};
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
  const r = await api("/api/simulate", {method: "POST", body: editor.state.doc.toString()});
  if (r.status !== 202) {
    $("sim-status").textContent = r.body.error || "the scenario has problems";
    return;
  }
  const id = r.body.id;
  $("progress").hidden = false;
  $("cancel").hidden = false;
  $("cancel").onclick = () => api("/api/simulations/" + id + "/cancel", {method: "POST"});
  const events = new EventSource(withToken("/api/simulations/" + id + "/events"));
  const show = (job) => {
    $("progress").value = job.progress;
    $("sim-status").textContent = job.scenario + ": " + job.state
        + (job.state === "running" ? " " + Math.round(100 * job.progress) + "%" : "");
  };
  events.addEventListener("progress", (e) => show(JSON.parse(e.data)));
  events.addEventListener("end", (e) => {
    events.close();
    const job = JSON.parse(e.data);
    show(job);
    $("cancel").hidden = true;
    $("progress").hidden = true;
    if (job.state === "done") {
      $("sim-status").textContent = "recorded run " + job.runId;
      loadRuns();
    } else if (job.error) {
      $("sim-status").textContent = job.state + ": " + job.error;
    }
  });
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
initCatalog();
$("compare-selected").addEventListener("click", () => compare(ticked));
let searchTimer = null;
$("runs-search").addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(loadRuns, 150);
});
for (const id of ["runs-kind", "runs-from", "runs-to"]) $(id).addEventListener("change", loadRuns);
initExamples();
