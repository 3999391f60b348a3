/**
 * The demo-store mark: a `store_meta` row `demo = true` that the bootstrap writes into a store
 * it filled with generated data. The simulator writes generated rows only into a store with
 * this mark (or when forced), so it never feeds invented data into a production store.
 */
import type { SqlParam, Store } from "@citybrain/analytics";

/** What marking needs of a store: a statement runner (DuckDBStore has one). */
export interface MarkableStore {
  exec(sql: string, params?: readonly SqlParam[]): Promise<void>;
}

/** What the dataset in a demo store was generated with, kept beside the mark. */
export interface DemoStoreInfo {
  readonly preset?: string;
  readonly seed?: number;
}

/** Thrown when the simulator is asked to write into a store that is not marked as a demo store. */
export class SimulateGuardError extends Error {
  override readonly name = "SimulateGuardError";
}

const CREATE = "CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)";

/**
 * Marks a store as holding generated demo data (idempotent).
 * @example
 * await markDemoStore(store, { preset: "demo", seed: 42 }); // in prepareData, after loading
 */
export async function markDemoStore(store: MarkableStore, info: DemoStoreInfo = {}): Promise<void> {
  await store.exec(CREATE);
  const entries: [string, string][] = [["demo", "true"]];
  if (info.preset !== undefined) entries.push(["demo_preset", info.preset]);
  if (info.seed !== undefined) entries.push(["demo_seed", String(info.seed)]);
  for (const [key, value] of entries)
    await store.exec("INSERT OR REPLACE INTO store_meta VALUES (?, ?)", [key, value]);
}

/** True when the store carries the demo mark. */
export async function isDemoStore(store: Pick<Store, "query">): Promise<boolean> {
  const table = await store.query(
    "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'store_meta'",
  );
  if (Number(table[0]?.n ?? 0) === 0) return false;
  const rows = await store.query("SELECT value FROM store_meta WHERE key = 'demo'");
  return rows[0]?.value === "true";
}

/** Throws {@link SimulateGuardError} unless the store is a demo store or `force` is set. */
export async function assertDemoStore(store: Pick<Store, "query">, force: boolean): Promise<void> {
  if (force || (await isDemoStore(store))) return;
  throw new SimulateGuardError(
    "simulate: refusing to write generated rows into this store — it has no store_meta row demo = true " +
      "(only stores filled from a generated dataset carry it). Serve a demo dataset, turn the " +
      "simulator off (--no-simulate), or pass force: true if you really mean to feed invented data into it.",
  );
}
