/**
 * Test helpers: expected rows from input batches, and readers that parse each format back
 * into typed rows (through the stream's validator where the format is text).
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { tableFromIPC } from "apache-arrow";
import { readFile } from "node:fs/promises";
import { batchToRows, quoteIdent, validateRows, type ColumnBatch, type StreamDef } from "../schema/index.ts";
import type { StreamShape } from "./stream-sink.ts";

type Row = Record<string, unknown>;

function isoDay(v: unknown): unknown {
  if (typeof v === "number") return new Date(v * 86_400_000).toISOString().slice(0, 10);
  return v;
}

/** The rows a writer should reproduce: dictionary codes resolved, dates as `YYYY-MM-DD`. */
export function expectedRows(stream: StreamShape, batches: Iterable<ColumnBatch>): Row[] {
  const out: Row[] = [];
  for (const b of batches) {
    for (const row of batchToRows(b)) {
      const r: Row = {};
      for (const [name, def] of Object.entries(stream.fields)) {
        const v = row[name] ?? null;
        r[name] = def.kind === "date" ? isoDay(v) : v;
      }
      out.push(r);
    }
  }
  return out;
}

/** Minimal RFC 4180 parser: unquoted empty → null, quoted empty → "". */
export function parseCsv(text: string): { header: string[]; records: (string | null)[][] } {
  const records: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let i = 0;
  while (i < text.length) {
    let value: string | null;
    if (text[i] === '"') {
      let s = "";
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        s += text.slice(i, q);
        i = q + 1;
        if (text[i] === '"') {
          s += '"';
          i++;
        } else break;
      }
      value = s;
    } else {
      let j = i;
      while (j < text.length && text[j] !== "," && text[j] !== "\n") j++;
      value = j === i ? null : text.slice(i, j);
      i = j;
    }
    row.push(value);
    if (text[i] === ",") i++;
    else {
      records.push(row);
      row = [];
      i++;
    }
  }
  const [header, ...rest] = records;
  return { header: (header ?? []) as string[], records: rest };
}

function validated(stream: StreamShape, records: unknown[]): Row[] {
  const v = validateRows(stream as StreamDef, records); // validateRows reads only name and fields
  if (v.errors.length) throw new Error(JSON.stringify(v.errors.slice(0, 3)));
  return v.rows.map((r) => ({ ...r }));
}

/** Reads a CSV file back through the stream's validator. */
export async function readCsv(stream: StreamShape, path: string): Promise<Row[]> {
  const { header, records } = parseCsv(await readFile(path, "utf8"));
  return validated(
    stream,
    records.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j]]))),
  );
}

/** Reads an NDJSON file back through the stream's validator. */
export async function readNdjson(stream: StreamShape, path: string): Promise<Row[]> {
  const lines = (await readFile(path, "utf8")).split("\n").filter((l) => l.length > 0);
  return validated(
    stream,
    lines.map((l) => JSON.parse(l) as unknown),
  );
}

/** Reads an Arrow IPC stream file with apache-arrow. */
export async function readArrow(stream: StreamShape, path: string): Promise<Row[]> {
  const table = tableFromIPC(await readFile(path));
  return table.toArray().map((r: Row) => {
    const out: Row = {};
    for (const [name, def] of Object.entries(stream.fields)) {
      let v = (r as Row)[name] ?? null;
      if (typeof v === "bigint") v = Number(v);
      if (def.kind === "date" && typeof v === "number") v = new Date(v).toISOString().slice(0, 10);
      out[name] = v;
    }
    return out;
  });
}

/** Reads a Parquet file with DuckDB, times as epoch ms and dates as text. */
export async function readParquet(stream: StreamShape, path: string): Promise<Row[]> {
  const db = await DuckDBInstance.create(":memory:");
  const conn = await db.connect();
  try {
    const select = Object.entries(stream.fields).map(([name, def]) => {
      const q = quoteIdent(name);
      if (def.kind === "timestamp") return `CAST(epoch_ms(${q}) AS DOUBLE) AS ${q}`;
      if (def.kind === "date") return `strftime(${q}, '%Y-%m-%d') AS ${q}`;
      return q;
    });
    const r = await conn.runAndReadAll(`SELECT ${select.join(", ")} FROM read_parquet('${path}')`);
    return r.getRowObjectsJS() as Row[];
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}
