// Compare two or more recorded runs: their KPIs side by side (GET /api/compare) and their hourly
// facility power overlaid (GET /api/runs/{id}/series), drawn with the ECharts the reports use.
import {$, api, esc, number, fill, loadEcharts} from "./common.js";

let chart = null;

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const letter = (i) => i < LETTERS.length ? LETTERS[i] : "#" + (i + 1);

/** A KPI value with as many digits as its size needs. */
function kpiNumber(v) {
  if (v == null) return "n/a";
  if (Number.isInteger(v)) return number(v, 0);
  const a = Math.abs(v);
  return number(v, a >= 1000 ? 0 : a >= 10 ? 1 : a >= 0.01 ? 3 : 6);
}

/** A difference with its sign; one too small to show in the digits given is 0. */
function signed(v) {
  if (v == null) return "n/a";
  const text = kpiNumber(v);
  return /^-?0(\.0+)?$/.test(text) ? "0" : (v > 0 ? "+" : "") + text;
}

/** Shows the comparison of the runs {@code ids} (the first the baseline) in the compare panel. */
export async function compare(ids) {
  $("report").hidden = true;
  $("downloads").hidden = true;
  $("compare").hidden = false;
  $("report-title").textContent = "Comparing " + ids.length + " runs; differences and ratios are against A";
  const r = await api("/api/compare?ids=" + ids.map(encodeURIComponent).join(","));
  if (r.status !== 200) {
    $("report-title").textContent = r.body.error || ("compare: HTTP " + r.status);
    return;
  }
  const runs = r.body.runs;
  $("compare-runs").replaceChildren(...runs.map((run, i) => {
    const li = document.createElement("li");
    li.textContent = letter(i) + ": " + run.runId + " (" + run.kind + ", " + run.scenario + ")";
    return li;
  }));
  const columns = [["KPI", (k) => k.name, true], ["unit", (k) => k.unit, true], ["A", (k) => kpiNumber(k.values[0])]];
  for (let i = 1; i < runs.length; i++) {
    columns.push([letter(i), (k) => kpiNumber(k.values[i])]);
    columns.push([letter(i) + " − A", (k) => signed(k.differences[i - 1])]);
    columns.push([letter(i) + " / A", (k) => k.ratios[i - 1] == null ? "n/a" : "×" + number(k.ratios[i - 1], 3)]);
  }
  fill($("compare-kpis"), columns, r.body.kpis);
  await drawSeries(runs);
}

async function drawSeries(runs) {
  const series = await Promise.all(runs.map((run) => api("/api/runs/" + encodeURIComponent(run.runId) + "/series")));
  const withHours = series.filter((s) => s.status === 200 && s.body.hours.length > 0);
  $("compare-chart").hidden = withHours.length === 0;
  $("compare-chart-note").textContent = withHours.length === 0
      ? "None of these runs has an hourly series (plans and sweeps have none)." : "";
  if (withHours.length === 0) return;
  const echarts = await loadEcharts();
  if (!chart) {
    chart = echarts.init($("compare-chart"));
    window.addEventListener("resize", () => chart.resize());
  }
  chart.setOption({
    animation: false,
    title: {text: "Facility power, all sites", textStyle: {fontSize: 13}},
    legend: {top: 22, type: "scroll"},
    grid: {top: 60, left: 70, right: 20, bottom: 45},
    tooltip: {
      trigger: "axis",
      // Scenario names are the user's: escaped, as everything ECharts puts into its HTML tooltip.
      formatter: (items) => "hour " + esc(items[0].value[0]) + "<br>"
          + items.map((it) => esc(it.seriesName) + ": " + esc(number(it.value[1], 1)) + " MW").join("<br>"),
    },
    xAxis: {type: "value", name: "hour of the run", nameLocation: "middle", nameGap: 28, min: 0},
    yAxis: {type: "value", name: "MW", scale: true},
    series: series.map((s, i) => ({
      name: letter(i) + ": " + runs[i].scenario,
      type: "line",
      showSymbol: false,
      sampling: "lttb",
      data: s.status === 200 ? s.body.hours.map((h, j) => [h, s.body.facilityPowerMw[j]]) : [],
    })),
  }, true);
  window.gigawatt.compareChart = chart;
}
