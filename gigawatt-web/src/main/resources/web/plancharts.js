// The live plan's charts: the plan report's power-against-capacity, CO2e and capex charts (the same
// series, colours and budget line as report.html in gigawatt-results), redrawn from each new plan
// (POST /api/plan) with the ECharts file the reports inline.
import {$, esc, number, loadEcharts} from "./common.js";

// The report's palette: a site keeps its colour in every chart; red is kept for the budget.
const PALETTE = ["#2b6cb0", "#dd6b20", "#2f855a", "#805ad5", "#319795", "#b7791f", "#d53f8c", "#718096", "#9c4221"];

const charts = {};

/** A compact amount of dollars, as the report writes them: $1.2B, $350M, $42k. */
function usd(v) {
  if (v == null || Number.isNaN(v)) return "n/a";
  const a = Math.abs(v);
  for (const [scale, suffix] of [[1e12, "T"], [1e9, "B"], [1e6, "M"], [1e3, "k"]]) {
    if (a >= scale) return "$" + number(v / scale, a / scale >= 100 ? 0 : 1) + suffix;
  }
  return "$" + number(v, 0);
}

/** Bars of a site in its colour: solid, light, or a dashed outline (the capacity), as in the report. */
function bySite(sites, values, style) {
  return sites.map((s, i) => {
    const c = PALETTE[i % PALETTE.length];
    const item = style === "outline" ? {color: "rgba(0,0,0,0)", borderColor: c, borderWidth: 2, borderType: "dashed"}
        : style === "light" ? {color: c, opacity: 0.45} : {color: c};
    return {value: values[i], itemStyle: item};
  });
}

/** A tooltip of plain text: every name in it is the user's (site names), so all of it is escaped. */
const textTip = (unit, format = (v) => number(v)) => ({
  trigger: "axis",
  formatter: (items) => esc(items[0].name) + "<br>" + items.filter((it) => it.value != null)
      .map((it) => esc(it.seriesName) + ": " + esc(format(it.value)) + (unit ? " " + unit : "")).join("<br>"),
});

function powerOption(plan) {
  const sites = plan.sites || [];
  const names = sites.map((s) => s.name);
  return {
    title: {text: "Peak facility power vs capacity (MW)", textStyle: {fontSize: 13}},
    tooltip: textTip("MW"),
    legend: {top: 22},
    grid: {top: 60, left: 60, right: 15, bottom: 30},
    xAxis: {type: "category", data: names},
    yAxis: {type: "value"},
    series: [
      {name: "peak facility power", type: "bar", color: "#4a5568",
        data: bySite(sites, sites.map((s) => Math.round(s.peakFacilityPowerMw)))},
      {name: "mean facility power", type: "bar", color: "#a0aec0",
        data: bySite(sites, sites.map((s) => Math.round(s.facilityPowerMw)), "light")},
      {name: "capacity", type: "bar", color: "#cbd5e0",
        data: bySite(sites, sites.map((s) => Math.round(s.capacityMw)), "outline")},
    ],
  };
}

function co2eOption(plan) {
  const sites = plan.sites || [];
  return {
    title: {text: "CO2e per year (t): location vs market", textStyle: {fontSize: 13}},
    tooltip: textTip("t"),
    legend: {top: 22},
    grid: {top: 60, left: 70, right: 15, bottom: 30},
    xAxis: {type: "category", data: sites.map((s) => s.name)},
    yAxis: {type: "value"},
    series: [
      {name: "location-based", type: "bar", color: "#4a5568",
        data: bySite(sites, sites.map((s) => Math.round(s.co2eTonnesPerYear)))},
      {name: "market-based", type: "bar", color: "#a0aec0",
        data: bySite(sites, sites.map((s) => Math.round(s.co2eTonnesPerYearMarket)), "light")},
    ],
  };
}

function capexOption(plan) {
  const f = plan.fleet || {};
  const years = f.capexByYear || [];
  // As in the report, other series take the colours no site has.
  const free = PALETTE.slice(Math.min((plan.sites || []).length, PALETTE.length - 4));
  const series = ["acceleratorsUsd", "serversUsd", "networkUsd", "facilityUsd"].map((k, i) => ({
    name: k.replace("Usd", ""), type: "bar", stack: "c", color: free[i], data: years.map((y) => y[k]),
  }));
  if (f.budgetUsd > 0 && series.length) {
    series[0].markLine = {symbol: "none", silent: true, lineStyle: {color: "#c53030", type: "dashed", width: 2},
      label: {formatter: "budget " + usd(f.budgetUsd), position: "insideEndTop", color: "#c53030"},
      data: [{yAxis: f.budgetUsd}]};
  }
  const highest = Math.max(0, ...years.map((y) => y.totalUsd));
  return {
    title: {text: "Capex by year (USD)" + (f.budgetUsd > 0 ? " against the budget" : ""), textStyle: {fontSize: 13}},
    tooltip: textTip("", usd),
    legend: {top: 22},
    grid: {top: 60, left: 70, right: 15, bottom: 30},
    xAxis: {type: "category", data: years.map((y) => String(y.year))},
    yAxis: {type: "value", max: f.budgetUsd > highest ? Math.ceil(f.budgetUsd * 1.05) : null,
      axisLabel: {formatter: usd}},
    series,
  };
}

const OPTIONS = {"chart-power": powerOption, "chart-co2e": co2eOption, "chart-capex": capexOption};

/** Draws (or redraws) the plan's charts; answers when they are drawn. */
export async function showPlanCharts(plan) {
  const echarts = await loadEcharts();
  for (const [id, option] of Object.entries(OPTIONS)) {
    if (!charts[id]) {
      charts[id] = echarts.init($(id));
      window.addEventListener("resize", () => charts[id].resize());
    }
    charts[id].setOption(Object.assign({animation: false}, option(plan)), true);
  }
  window.gigawatt.planCharts = charts;
}
