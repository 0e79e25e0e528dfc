// The catalog browser: every built-in entry of a kind (GET /api/catalog/{kind}) with its figures, its
// source and the basis of each estimate, narrowed by a filter box over all of a row's text.
import {$, api} from "./common.js";

const loaded = new Map();
let shownSeq = 0;

/** A figure as short text: large numbers with an exponent (every digit kept), lists and records inline. */
function figure(value) {
  if (value == null) return "none";
  if (typeof value === "number") {
    return Math.abs(value) >= 1e6 ? value.toExponential().replace("e+", "e") : String(value);
  }
  if (Array.isArray(value)) return "[" + value.map(figure).join(", ") + "]";
  if (typeof value === "object") {
    return "{" + Object.entries(value).map(([k, v]) => k + " " + figure(v)).join(", ") + "}";
  }
  return String(value);
}

/** A row of [name, figures, source, estimates] text for an entry (an assumption has its own shape). */
function row(kind, e) {
  if (kind === "assumptions") {
    return [e.name, e.value, e.source || "", e.estimate ? "estimate" : ""];
  }
  const figures = Object.entries(e)
      .filter(([k]) => k !== "name" && k !== "provenance" && k !== "aliases")
      .map(([k, v]) => k + ": " + figure(v));
  const p = e.provenance || {};
  const estimates = Object.entries(p.estimates || {}).sort().map(([k, v]) => k + ": " + v);
  const name = e.name + (e.aliases && e.aliases.length ? " (" + e.aliases.join(", ") + ")" : "");
  return [name, figures.join("\n"), p.source || "", estimates.join("\n")];
}

async function entries(kind) {
  if (!loaded.has(kind)) {
    const r = await api("/api/catalog/" + encodeURIComponent(kind));
    if (r.status !== 200) throw new Error(r.body.error || ("catalog: HTTP " + r.status));
    loaded.set(kind, r.body.map((e) => row(kind, e)));
  }
  return loaded.get(kind);
}

/** Shows the entries of the chosen kind whose text contains every word of the filter (any case). */
export async function showCatalog() {
  const kind = $("catalog-kind").value;
  const seq = ++shownSeq;
  let rows;
  try {
    rows = await entries(kind);
  } catch (e) {
    $("catalog-count").textContent = e.message;
    return;
  }
  if (seq !== shownSeq) return; // another kind or filter was asked for meanwhile
  const words = $("catalog-filter").value.toLowerCase().split(/\s+/).filter((w) => w);
  const shown = rows.filter((r) => words.every((w) => r.join("\n").toLowerCase().includes(w)));
  const table = $("catalog");
  table.replaceChildren();
  const head = table.insertRow();
  for (const h of [kind === "assumptions" ? "assumption" : "name", kind === "assumptions" ? "value" : "figures",
    "source", kind === "assumptions" ? "" : "estimates (field: basis)"]) {
    const th = document.createElement("th");
    th.textContent = h;
    th.className = "text";
    head.appendChild(th);
  }
  for (const r of shown) {
    const tr = table.insertRow();
    tr.className = "entry";
    for (const text of r) {
      const td = tr.insertCell();
      td.className = "text wrap";
      td.textContent = text;
    }
  }
  $("catalog-count").textContent = shown.length + " of " + rows.length + " " + kind;
}

export function initCatalog() {
  $("catalog-kind").addEventListener("change", showCatalog);
  $("catalog-filter").addEventListener("input", showCatalog);
}
