import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { ParseError } from "./parse-error.ts";

/** Decodes Parquet bytes into records with DuckDB (timestamps as epoch ms, dates as YYYY-MM-DD). */
export async function parseParquet(bytes: Uint8Array): Promise<Record<string, unknown>[]> {
  const dir = await mkdtemp(join(tmpdir(), "citybrain-parquet-"));
  const file = join(dir, "body.parquet");
  const db = await DuckDBInstance.create(":memory:");
  const conn = await db.connect();
  try {
    await writeFile(file, bytes);
    const reader = await conn
      .runAndReadAll(`SELECT * FROM read_parquet('${file.replaceAll("'", "''")}')`)
      .catch((e: Error) => {
        throw new ParseError(`not a readable Parquet file (${e.message})`);
      });
    return reader.getRowObjectsJS().map((row) => {
      const rec: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(row)) {
        if (v instanceof Date) {
          const type = reader.columnTypes()[reader.columnNames().indexOf(k)];
          rec[k] = String(type) === "DATE" ? v.toISOString().slice(0, 10) : v.getTime();
        } else rec[k] = typeof v === "bigint" ? Number(v) : v;
      }
      return rec;
    });
  } finally {
    conn.closeSync();
    db.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
}
