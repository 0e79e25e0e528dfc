// What every part of the page shares: the API call with the token, numbers, tables built from text only.

const token = new URLSearchParams(location.search).get("token");

export const $ = (id) => document.getElementById(id);

/** A call to the API, with the token when the server has one; answers the parsed JSON (or text). */
export async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (token) headers["Authorization"] = "Bearer " + token;
  const response = await fetch(path, Object.assign({}, options, {headers}));
  const type = response.headers.get("Content-Type") || "";
  const body = type.startsWith("application/json") ? await response.json() : await response.text();
  return {status: response.status, body};
}

/** A URL for the browser itself to load (event streams, reports, downloads), carrying the token. */
export function withToken(path) {
  return token ? path + (path.includes("?") ? "&" : "?") + "token=" + encodeURIComponent(token) : path;
}

/** Text made safe to put into HTML (ECharts' tooltips are HTML): every markup character escaped. */
export function esc(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})[c]);
}

export const number = (v, digits = 0) => v == null || Number.isNaN(v) ? "n/a"
    : Number(v).toLocaleString("en-US", {maximumFractionDigits: digits, minimumFractionDigits: digits});

function cell(row, text, cls) {
  const td = document.createElement("td");
  td.textContent = text;
  if (cls) td.className = cls;
  row.appendChild(td);
}

/** Fills a table from rows of objects, with columns [heading, getter, isText]; every cell is text, never markup. */
export function fill(table, columns, rows) {
  table.replaceChildren();
  const head = table.insertRow();
  for (const [heading, , isText] of columns) {
    const th = document.createElement("th");
    th.textContent = heading;
    if (isText) th.className = "text";
    head.appendChild(th);
  }
  for (const r of rows) {
    const tr = table.insertRow();
    for (const [, get, isText] of columns) cell(tr, get(r), isText ? "text" : "");
  }
}

/** The ECharts script of the package jar the reports inline (org.mvnpm:echarts), loaded when first needed. */
export const ECHARTS = "/_static/echarts/6.0.0/dist/echarts.min.js";

let echartsLoading = null;

/** ECharts, loading its script the first time a chart is drawn. */
export function loadEcharts() {
  if (!echartsLoading) {
    echartsLoading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = withToken(ECHARTS);
      script.onload = () => resolve(window.echarts);
      script.onerror = () => reject(new Error("cannot load " + ECHARTS));
      document.head.appendChild(script);
    });
  }
  return echartsLoading;
}
