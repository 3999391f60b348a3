import { open } from "node:fs/promises";

/** Where an extract's publish time goes. */
export const STAGES = ["sql", "arrow", "splice", "encode", "hash", "write"] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Per-stage milliseconds of one extract's publish: `sql` materialising rows (snapshots, month
 * lists), `arrow` DuckDB → Arrow (includes running the query when nothing was materialised),
 * `splice` reading and splicing a previous file, `encode` Arrow IPC, `hash` sha256, `write`.
 */
export class StageClock {
  readonly ms: Record<Stage, number> = { sql: 0, arrow: 0, splice: 0, encode: 0, hash: 0, write: 0 };

  async time<T>(stage: Stage, work: () => Promise<T> | T): Promise<T> {
    const t = performance.now();
    try {
      return await work();
    } finally {
      this.ms[stage] += performance.now() - t;
    }
  }
}

/**
 * Files written into a new version directory without an fsync each: the directory is not
 * referenced until the manifest swap, so syncing them all at once (in parallel, then the
 * directory) just before that swap is as durable and costs one round instead of one per file.
 */
export class PendingSync {
  readonly #paths: string[] = [];

  add(path: string): void {
    this.#paths.push(path);
  }

  /** Fsyncs every added file, then `dir` (its new entries and links). */
  async flush(dir: string): Promise<void> {
    const paths = this.#paths.splice(0);
    for (let i = 0; i < paths.length; i += 32) {
      await Promise.all(
        paths.slice(i, i + 32).map(async (p) => {
          const fh = await open(p, "r");
          try {
            await fh.sync();
          } finally {
            await fh.close();
          }
        }),
      );
    }
    const d = await open(dir, "r");
    try {
      await d.sync();
    } catch {
      // Some file systems refuse fsync on a directory; the files themselves are synced.
    } finally {
      await d.close();
    }
  }
}
