import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import type { StreamName } from "@citybrain/datasets";
import { bucketWindow, checkRollupOrder, type RollupDef } from "./rollup-def.ts";
import { createRollupSql, rebuildSql, refreshWindowSql } from "./rollup-sql.ts";

/** Creates the rollup tables that do not exist yet. */
export async function createRollups(conn: DuckDBConnection, defs: readonly RollupDef[]): Promise<void> {
  checkRollupOrder(defs);
  for (const def of defs) await conn.run(createRollupSql(def));
}

/**
 * Recomputes, for every rollup of `stream`, the buckets that rows in [lo, hi] (epoch ms) fall
 * into. Runs inside the caller's transaction, so a write and its rollups commit together.
 */
export async function refreshRollups(
  conn: DuckDBConnection,
  defs: readonly RollupDef[],
  stream: StreamName,
  range: readonly [number, number],
): Promise<void> {
  for (const def of defs) {
    if (def.stream !== stream) continue;
    const { from, to } = bucketWindow(def, range[0], range[1]);
    const sql = refreshWindowSql(def);
    await conn.run(sql.delete, [from, to] as DuckDBValue[]);
    await conn.run(sql.insert, [from, to] as DuckDBValue[]);
  }
}

/** Rebuilds every rollup from its base table. */
export async function rebuildRollups(conn: DuckDBConnection, defs: readonly RollupDef[]): Promise<void> {
  for (const def of defs) for (const sql of rebuildSql(def)) await conn.run(sql);
}
