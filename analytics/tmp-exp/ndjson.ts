import { DuckDBInstance } from "@duckdb/node-api";
import { writeFile } from "node:fs/promises";
import { batchToRows } from "@citybrain/datasets";
import { generateEnergy, makeContext } from "@citybrain/datasets/generators";

const rows: Record<string, unknown>[] = [];
for (const b of generateEnergy(makeContext({ preset: "demo", seed: 1 }))) {
  rows.push(...batchToRows(b));
  if (rows.length >= 524288) break;
}
const file = "/tmp/exp-energy.ndjson";
await writeFile(file, rows.map((r) => JSON.stringify({ ...r, ts: new Date(r.ts as number).toISOString() })).join("\n"));
const inst = await DuckDBInstance.create(":memory:");
const conn = await inst.connect();
const names = ["ts", "meter_id", "enterprise_id", "industry", "town_code", "carrier", "value"];
const paths = `[${names.map((n) => `'$."${n}"'`).join(", ")}]`;
const variants: Record<string, string> = {
  current: `SELECT count(*), sum(length(__text[1])) FROM (SELECT json, json_extract_string(json, ${paths}) AS __text, list_filter(json_keys(json), k -> NOT list_contains(['a'], k)) AS u, json_type(json, '$.meter_id') FROM read_json_objects('${file}', format='newline_delimited'))`,
  objects_only: `SELECT count(*), sum(length(json)) FROM read_json_objects('${file}', format='newline_delimited')`,
  extract_only: `SELECT count(*), sum(length(__text[1])) FROM (SELECT json_extract_string(json, ${paths}) AS __text FROM read_json_objects('${file}', format='newline_delimited'))`,
  read_json_json_cols: `SELECT count(*), sum(length(ts::VARCHAR)) FROM read_json('${file}', format='newline_delimited', columns={${names.map((n) => `${n}: 'JSON'`).join(", ")}})`,
  read_json_varchar_cols: `SELECT count(*), sum(length(ts)) FROM read_json('${file}', format='newline_delimited', columns={${names.map((n) => `${n}: 'VARCHAR'`).join(", ")}})`,
  read_json_typed: `SELECT count(*), sum(value) FROM read_json('${file}', format='newline_delimited', columns={ts:'TIMESTAMP', meter_id:'VARCHAR', enterprise_id:'VARCHAR', industry:'VARCHAR', town_code:'VARCHAR', carrier:'VARCHAR', value:'DOUBLE'})`,
  read_json_map: `SELECT count(*), sum(cardinality(m)) FROM read_json('${file}', format='newline_delimited', columns={m: 'MAP(VARCHAR, JSON)'}, records=false)`,
};
for (const [name, sql] of Object.entries(variants)) {
  const ms: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    try { await conn.runAndReadAll(sql); } catch (e) { console.log(name, (e as Error).message.split("\n")[0]); break; }
    ms.push(performance.now() - t);
  }
  console.log(name.padEnd(24), ms.map((x) => x.toFixed(0)).join(" "));
}
