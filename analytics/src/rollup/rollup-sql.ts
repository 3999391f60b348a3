import { bucketOf, sourceOf, type RollupDef } from "./rollup-def.ts";

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** `CREATE TABLE` for a rollup (columns typed by DuckDB from the defining query). */
export function createRollupSql(def: RollupDef): string {
  return `CREATE TABLE IF NOT EXISTS ${q(def.name)} AS ${selectSql(def, "FALSE")}`;
}

/** The aggregate query over base rows matching `where`. */
export function selectSql(def: RollupDef, where: string): string {
  const bucket = bucketOf(def);
  const cols = [
    `${bucket.sql} AS ${q(bucket.name)}`,
    ...def.dimensions.map(([name, expr]) => `${expr} AS ${q(name)}`),
    ...def.measures.map(([name, expr]) => `${expr} AS ${q(name)}`),
  ];
  return `SELECT ${cols.join(", ")} FROM ${q(sourceOf(def).table)} WHERE ${where} GROUP BY ALL`;
}

/** Time predicate on the source (base table or finer rollup) for the window [?, ?) in epoch ms. */
function windowWhere(def: RollupDef): string {
  const t = q(sourceOf(def).timeColumn);
  return `${t} >= make_timestamp(?::BIGINT * 1000) AND ${t} < make_timestamp(?::BIGINT * 1000)`;
}

/** Statements that recompute the rollup's buckets for the base window [from, to) (two params each). */
export function refreshWindowSql(def: RollupDef): { delete: string; insert: string } {
  const bucket = bucketOf(def);
  const b = q(bucket.name);
  const lo =
    def.grain === "hour"
      ? "make_timestamp(?::BIGINT * 1000)"
      : "CAST(make_timestamp(?::BIGINT * 1000) + INTERVAL 8 HOUR AS DATE)";
  return {
    delete: `DELETE FROM ${q(def.name)} WHERE ${b} >= ${lo} AND ${b} < ${lo}`,
    insert: `INSERT INTO ${q(def.name)} ${selectSql(def, windowWhere(def))}`,
  };
}

/** Statements that rebuild a rollup from scratch. */
export function rebuildSql(def: RollupDef): string[] {
  return [`DELETE FROM ${q(def.name)}`, `INSERT INTO ${q(def.name)} ${selectSql(def, "TRUE")}`];
}
