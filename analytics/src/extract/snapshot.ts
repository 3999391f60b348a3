import type { Store } from "../store/store.ts";

let temps = 0;

/**
 * The rows of an extract materialised once into a temp table, so its Arrow files and their
 * Parquet siblings (written later, in the background) hold the same rows even when ingests land
 * in between. Reference-counted: the table is dropped when the last holder releases it.
 */
export class Snapshot {
  #refs = 1;

  private constructor(
    readonly store: Store,
    /** Quoted temp table name. */
    readonly table: string,
  ) {}

  /** Materialises `select`; the caller holds the first reference. */
  static async take(store: Store, select: string): Promise<Snapshot> {
    const table = `"__extract_${process.pid}_${++temps}"`;
    await store.query(`CREATE TEMP TABLE ${table} AS ${select}`);
    return new Snapshot(store, table);
  }

  retain(): this {
    if (this.#refs <= 0) throw new Error(`snapshot ${this.table} was already dropped`);
    this.#refs++;
    return this;
  }

  /** Takes another reference; the returned function releases it (once, however often called). */
  hold(): () => Promise<void> {
    this.retain();
    let held = true;
    return async () => {
      if (held) {
        held = false;
        await this.release();
      }
    };
  }

  /** Drops the table with the last reference; never throws (a temp table ends with its connection). */
  async release(): Promise<void> {
    if (--this.#refs === 0)
      await this.store.query(`DROP TABLE IF EXISTS ${this.table}`).catch(() => undefined);
  }
}
