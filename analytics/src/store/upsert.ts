import type { DuckDBConnection } from "@duckdb/node-api";
import { quoteIdent, type StreamDef } from "@citybrain/datasets";

/**
 * Moves a staged batch into its stream table with natural-key semantics: the last row of a key
 * within the batch wins, and it replaces any stored row with the same key. When the key holds
 * the time field, the delete is limited to the batch's time range so DuckDB prunes by zone maps.
 */
export async function upsertFromStage(
  conn: DuckDBConnection,
  def: StreamDef,
  stage: string,
  range: readonly [number, number] | null,
): Promise<void> {
  const table = quoteIdent(def.name);
  const keys = def.key.map(quoteIdent);
  const deduped = `${stage}_dedup`;
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${deduped} AS SELECT * FROM ${stage}
     QUALIFY row_number() OVER (PARTITION BY ${keys.join(", ")} ORDER BY rowid DESC) = 1`,
  );
  const match = keys.map((k) => `${table}.${k} = s.${k}`).join(" AND ");
  let prune = "";
  if (range && def.key.includes(def.timeField)) {
    const time = `${table}.${quoteIdent(def.timeField)}`;
    const isDate = def.fields[def.timeField]?.kind === "date";
    const bound = (ms: number) =>
      isDate
        ? `CAST(make_timestamp(${Math.round(ms)}::BIGINT * 1000) AS DATE)`
        : `make_timestamp(${Math.round(ms)}::BIGINT * 1000)`;
    prune = ` AND ${time} BETWEEN ${bound(range[0])} AND ${bound(range[1])}`;
  }
  await conn.run(`DELETE FROM ${table} USING ${deduped} s WHERE ${match}${prune}`);
  await conn.run(`INSERT INTO ${table} SELECT * FROM ${deduped}`);
  await conn.run(`DROP TABLE ${deduped}`);
}
