import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DuckDBStore } from "./duckdb-store.ts";

const ROWS = 20_000;

/** Runs the child until it has committed `after` batches, then SIGKILLs it mid-way through the next. */
function ingestThenKill(db: string, after: number, delayMs: number): Promise<number> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "crash-child.fixture.ts"), db, String(ROWS)],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  return new Promise((ok, fail) => {
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const committed = [...out.matchAll(/committed (\d+)/g)].length;
      if (committed >= after && !child.killed) {
        setTimeout(() => child.kill("SIGKILL"), delayMs);
      }
    });
    child.on("exit", (_code, signal) => {
      if (signal !== "SIGKILL") fail(new Error(`child ended without being killed: ${err}`));
      else ok([...out.matchAll(/committed (\d+)/g)].length);
    });
  });
}

describe("crash safety", () => {
  it.each([5, 40, 120])(
    "a SIGKILL mid-batch loses no committed row and shows no partial batch (kill after +%i ms)",
    async (delay) => {
      const dir = await mkdtemp(join(tmpdir(), "crash-"));
      const db = join(dir, "store.duckdb");
      try {
        const committed = await ingestThenKill(db, 2, delay);
        const store = await DuckDBStore.open({ path: db });
        const rows = await store.count("septic");
        const [batches] = await store.query(
          "SELECT count(*) AS n, sum(accepted) AS rows FROM ingest_batches",
        );
        const [rollup] = await store.query("SELECT sum(readings) AS n FROM rollup_septic_hour");
        await store.close();
        // Every batch the child saw committed is there; at most one more (committed, not yet printed).
        expect(rows % ROWS).toBe(0);
        expect(rows / ROWS).toBeGreaterThanOrEqual(committed);
        expect(rows / ROWS).toBeLessThanOrEqual(committed + 1);
        expect(Number(batches?.rows)).toBe(rows);
        expect(Number(batches?.n)).toBe(rows / ROWS);
        expect(Number(rollup?.n)).toBe(rows);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
