import type { DuckDBConnection } from "@duckdb/node-api";
import { quoteIdent, type StreamDef } from "@citybrain/datasets";

/** SQL (a boolean) for whether `source`, a SELECT of a stream's rows, repeats a natural key. */
export function repeatedKeysSql(def: StreamDef, source: string): string {
  return `EXISTS (SELECT 1 FROM (${source}) s GROUP BY ${def.key.map(quoteIdent).join(", ")} HAVING count(*) > 1)`;
}

/**
 * Moves a batch into its stream table with natural-key semantics: the last row of a key within
 * the batch wins (by `orderExpr`, the input order), and it replaces any stored row with the same
 * key. Rows are written sorted by time so DuckDB's zone maps can prune later range queries; when
 * the key holds the time field, the delete is limited to the batch's time range.
 * @param source a SELECT yielding the stream's columns (and whatever `orderExpr` reads).
 * @param options.duplicates whether the source repeats a key, when the caller already knows
 *   (otherwise it is counted here).
 */
export async function upsertRows(
  conn: DuckDBConnection,
  def: StreamDef,
  source: string,
  orderExpr: string,
  range: readonly [number, number] | null,
  options: { readonly duplicates?: boolean | undefined } = {},
): Promise<void> {
  const table = quoteIdent(def.name);
  const keys = def.key.map(quoteIdent);
  const cols = Object.keys(def.fields).map(quoteIdent).join(", ");
  const time = quoteIdent(def.timeField);
  const hasDuplicates =
    options.duplicates ??
    (await conn.runAndReadAll(`SELECT ${repeatedKeysSql(def, source)}`)).getRowsJS()[0]?.[0] === true;
  const rows = hasDuplicates
    ? `SELECT ${cols} FROM (${source}) s QUALIFY row_number() OVER (PARTITION BY ${keys.join(", ")} ORDER BY ${orderExpr} DESC) = 1`
    : `SELECT ${cols} FROM (${source}) s`;

  let prune = "";
  if (range && def.key.includes(def.timeField)) {
    const isDate = def.fields[def.timeField]?.kind === "date";
    const bound = (ms: number) =>
      isDate
        ? `CAST(make_timestamp(${Math.round(ms)}::BIGINT * 1000) AS DATE)`
        : `make_timestamp(${Math.round(ms)}::BIGINT * 1000)`;
    prune = `${table}.${time} BETWEEN ${bound(range[0])} AND ${bound(range[1])}`;
    // Appends of new data (the common case) have nothing stored in their range: insert straight
    // from the source, without staging the rows or joining against stored ones.
    const stored = await conn.runAndReadAll(`SELECT 1 FROM ${table} WHERE ${prune} LIMIT 1`);
    if (stored.currentRowCount === 0) {
      await conn.run(`INSERT INTO ${table} ${rows} ORDER BY ${time}`);
      return;
    }
  }
  await conn.run(`CREATE OR REPLACE TEMP TABLE upsert_rows AS ${rows} ORDER BY ${time}`);
  const match = keys.map((k) => `${table}.${k} = s.${k}`).join(" AND ");
  await conn.run(`DELETE FROM ${table} USING upsert_rows s WHERE ${match}${prune ? ` AND ${prune}` : ""}`);
  await conn.run(`INSERT INTO ${table} SELECT * FROM upsert_rows`);
  await conn.run("DROP TABLE upsert_rows");
}
