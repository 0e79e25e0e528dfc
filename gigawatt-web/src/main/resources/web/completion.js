// Completion in the scenario editor from the scenario JSON Schema (GET /api/schema): the keys allowed
// where the cursor is, and for a value the schema's allowed values and examples (the examples of
// accelerator, model, grid and cooling keys are the catalog's names).
import {api} from "./common.js";

const ITEM = Symbol("item");
let schema = null;

/** Fetches the schema once; completion offers nothing until it has arrived. */
export async function loadSchema() {
  const r = await api("/api/schema");
  if (r.status === 200) schema = r.body;
}

/** The schema a $ref names ("#/$defs/site"). */
function resolve(ref) {
  return ref.slice(2).split("/").reduce((node, part) => node && node[part], schema);
}

/** A schema and every alternative it stands for ($ref, allOf, anyOf, oneOf), flattened. */
function expand(node, seen = new Set()) {
  if (!node || typeof node !== "object" || seen.has(node)) return [];
  seen.add(node);
  const out = [node];
  if (node.$ref) out.push(...expand(resolve(node.$ref), seen));
  for (const k of ["allOf", "anyOf", "oneOf"]) for (const alt of node[k] || []) out.push(...expand(alt, seen));
  return out;
}

/** The schemas at a path of keys and ITEMs from the document's root. */
function schemasAt(path) {
  let nodes = expand(schema);
  for (const step of path) {
    const next = [];
    for (const n of nodes) {
      const child = step === ITEM ? n.items : (n.properties || {})[step];
      next.push(...expand(child));
    }
    nodes = next;
  }
  return nodes;
}

/** A line's shape: where its key starts, the columns of its "- " markers, and its key if it has one. */
function shape(text) {
  const m = /^(\s*)((?:-\s+)*)(?:([A-Za-z0-9_]+)\s*:(?:\s|$))?/.exec(text);
  const dashes = [];
  let col = m[1].length;
  for (const d of m[2].matchAll(/-\s+/g)) {
    dashes.push(col);
    col += d[0].length;
  }
  return {col, dashes, key: m[3] || null, blank: /^\s*(#.*)?$/.test(text)};
}

/**
 * The path of keys and ITEMs that holds a line whose key starts at column col after the "- " markers
 * dashes, found from the indentation of the lines above it.
 */
function containerPath(doc, lineNo, col, dashes) {
  const path = dashes.map(() => ITEM);
  let limit = dashes.length ? dashes[0] : col;
  let fromDash = dashes.length > 0;
  for (let n = lineNo - 1; n >= 1 && (limit > 0 || fromDash); n--) {
    const s = shape(doc.line(n).text);
    if (s.blank) continue;
    const start = s.dashes.length ? s.dashes[0] : s.col;
    if (s.key && (s.col < limit || (fromDash && !s.dashes.length && s.col === limit))) {
      path.unshift(...s.dashes.map(() => ITEM), s.key);
      limit = start;
      fromDash = s.dashes.length > 0;
    } else if (s.dashes.length && start < limit && s.col >= limit) {
      // A sibling key in the same list item: the item begins on this line.
      path.unshift(...s.dashes.filter((d) => d < limit).map(() => ITEM));
      limit = start;
      fromDash = true;
    }
  }
  return path;
}

const typeOf = (nodes) => [...new Set(nodes.flatMap((n) => n.type ? [].concat(n.type) : []))].join(" | ");
const describe = (nodes) => (nodes.find((n) => n.description) || {}).description;

/** The completion source: keys in key position, allowed values and examples after "key: ". */
export function schemaCompletion(context) {
  if (!schema) return null;
  const doc = context.state.doc;
  const line = doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);
  const value = /^(\s*(?:-\s+)*)([A-Za-z0-9_]+)\s*:\s+(["']?)([^"'#]*)$/.exec(before);
  if (value) {
    const s = shape(before);
    const nodes = schemasAt([...containerPath(doc, line.number, s.col, s.dashes), value[2]]);
    const seen = new Set();
    const options = [];
    for (const n of nodes) {
      for (const v of [...(n.enum || []), ...(n.const !== undefined ? [n.const] : []), ...(n.examples || [])]) {
        if (typeof v === "object" || seen.has(String(v))) continue;
        seen.add(String(v));
        options.push({label: String(v), type: n.enum && n.enum.includes(v) ? "enum" : "constant", detail: typeOf([n])});
      }
    }
    if (!options.length) return null;
    return {from: context.pos - value[4].length, options, validFor: /^[^"'#]*$/};
  }
  const key = /^(\s*(?:-\s+)*)([A-Za-z0-9_]*)$/.exec(before);
  if (!key || (!key[2] && !context.explicit)) return null;
  const s = shape(before);
  const containers = schemasAt(containerPath(doc, line.number, s.col, s.dashes));
  const options = [];
  const seen = new Set();
  for (const c of containers) {
    for (const [name, sub] of Object.entries(c.properties || {})) {
      if (seen.has(name)) continue;
      seen.add(name);
      const nodes = expand(sub);
      options.push({label: name, type: "property", detail: typeOf(nodes), info: describe(nodes), apply: name + ": "});
    }
  }
  if (!options.length) return null;
  return {from: context.pos - key[2].length, options, validFor: /^[A-Za-z0-9_]*$/};
}

/** For tests and the console: the path of keys and list items around a position, as text. */
export function pathAt(state, pos) {
  const line = state.doc.lineAt(pos);
  const s = shape(line.text.slice(0, pos - line.from));
  return containerPath(state.doc, line.number, s.col, s.dashes).map((p) => p === ITEM ? "[]" : p).join(".");
}
