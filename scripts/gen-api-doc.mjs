#!/usr/bin/env node
// Renders the method/event/error reference of docs/api.md from the OpenRPC document, so the doc
// cannot drift from the registry that dispatches.
//   onestopctl discover | node scripts/gen-api-doc.mjs --write docs/api.md
//   node scripts/gen-api-doc.mjs --check docs/api.md < openrpc.json   (exit 1 when stale)
import { readFileSync, writeFileSync } from "node:fs";

const BEGIN = "<!-- BEGIN GENERATED REFERENCE (scripts/gen-api-doc.mjs) -->";
const END = "<!-- END GENERATED REFERENCE -->";

function typeOf(schema) {
  if (!schema) return "any";
  if (schema.enum) return schema.enum.map((v) => `\`${JSON.stringify(v)}\``).join(" \\| ");
  if (schema.type === "array") return `${typeOf(schema.items)}[]`;
  if (schema.oneOf) return schema.oneOf.map(typeOf).join(" \\| ");
  return schema.type ?? "any";
}

function fieldsTable(schema) {
  const props = schema?.properties ?? {};
  const names = Object.keys(props);
  if (names.length === 0) return "_none_\n";
  const required = new Set(schema.required ?? []);
  const rows = names.map((n) => `| \`${n}\` | ${typeOf(props[n])} | ${required.has(n) ? "yes" : "no"} | ${props[n].description ?? ""} |`);
  return ["| name | type | required | description |", "|---|---|---|---|", ...rows].join("\n") + "\n";
}

export function render(doc) {
  const out = [BEGIN, "", "## Methods", ""];
  const methods = [...doc.methods].sort((a, b) => a.name.localeCompare(b.name));
  for (const m of methods) {
    const params = { type: "object", properties: {}, required: [] };
    for (const p of m.params) {
      params.properties[p.name] = { ...p.schema, description: p.summary ?? p.schema.description };
      if (p.required) params.required.push(p.name);
    }
    out.push(`### \`${m.name}\``, "", `${m.summary} — permission family \`${m["x-onestop-permission"]}\`.`, "");
    out.push("Params:", "", fieldsTable(params));
    out.push("Result:", "", fieldsTable(m.result.schema));
  }
  out.push("## Events", "", "Subscribe with `events.subscribe {topics: [\"<name>\" | \"<family>.*\"]}`.", "");
  for (const e of [...doc["x-onestop-events"]].sort((a, b) => a.name.localeCompare(b.name))) {
    out.push(`### \`${e.name}\``, "", e.summary, "", fieldsTable(e.params));
  }
  out.push("## Reasons", "", "| reason | code | retriable | vi | en |", "|---|---|---|---|---|");
  const errors = Object.values(doc.components.errors).sort((a, b) => a.code - b.code);
  for (const e of errors) {
    out.push(`| \`${e.data.reason}\` | ${e.code} | ${e.data.retriable ? "yes" : "no"} | ${e.data.message.vi} | ${e.data.message.en} |`);
  }
  out.push("", END);
  return out.join("\n");
}

export function splice(markdown, generated) {
  const start = markdown.indexOf(BEGIN);
  const end = markdown.indexOf(END);
  if (start < 0 || end < 0) throw new Error("docs/api.md has no generated-reference markers");
  return markdown.slice(0, start) + generated + markdown.slice(end + END.length);
}

async function main() {
  const [mode, file] = process.argv.slice(2);
  if (!["--write", "--check"].includes(mode) || !file) {
    console.error("usage: gen-api-doc.mjs --write|--check docs/api.md < openrpc.json");
    process.exit(64);
  }
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  const doc = JSON.parse(input);
  const current = readFileSync(file, "utf8");
  const next = splice(current, render(doc));
  if (mode === "--write") {
    writeFileSync(file, next);
  } else if (next !== current) {
    console.error(`${file} is stale: regenerate with onestopctl discover | node scripts/gen-api-doc.mjs --write ${file}`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
