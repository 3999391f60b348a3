import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reading } from "../energy/energy-fixture.test-support.ts";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import { energyDailyTown } from "./extract-defs.ts";
import { energyDailyEnterprise, energyHourlyEnterprise } from "./energy-extracts.ts";
import { fixtureStore, localMs } from "./extract-fixtures.test-support.ts";
import type { ExtractFile, Manifest } from "./manifest.ts";
import { publishExtracts, type ExtractTiming } from "./publish.ts";

const defs = [energyDailyTown, energyDailyEnterprise, energyHourlyEnterprise];

/** Readings of `n` enterprises at a Shanghai wall-clock hour. */
const hour = (t: string, n: number, value = 1) =>
  Array.from({ length: n }, (_, i) =>
    reading(`ENT-${String(i).padStart(3, "0")}`, `T${i % 3}`, i % 2 ? "gas" : "electricity", t, value + i),
  );

describe("day-local extracts republished by splicing the changed days", () => {
  let store: DuckDBStore;
  let root: string;
  const rowsOf = async (m: Manifest, f: ExtractFile) =>
    tableFromIPC(await readFile(join(root, m.dir, f.file)))
      .toArray()
      .map((r) => r.toJSON());
  /** What a full recompute writes: the definition's rows, as Arrow gives them back. */
  const expected = async (sql: string) => (await store.queryArrow(sql)).toArray().map((r) => r.toJSON());

  beforeAll(async () => {
    store = await fixtureStore({
      energy: [
        ...hour("2026-02-27T10:00", 5),
        ...hour("2026-03-01T00:00", 5),
        ...hour("2026-03-02T10:00", 5),
        ...hour("2026-03-03T23:00", 5),
      ],
    });
    root = await mkdtemp(join(tmpdir(), "extract-splice-"));
    await publishExtracts(store, root, defs);
  });
  afterAll(() => store.close());

  it("recomputes only the touched days, rows identical to a full recompute, Parquet too", async () => {
    // Late data for 2 March, a new hour on 3 March with 140 new enterprises (the dictionary
    // outgrows 8-bit indices).
    const rows = [...hour("2026-03-02T11:00", 3, 100), ...hour("2026-03-03T22:00", 145, 7)];
    await store.ingest("energy", rows, { batchId: "late" });
    const range: [number, number] = [localMs("2026-03-02T11:00"), localMs("2026-03-03T22:00")];
    const report: Record<string, string> = {};
    const m = await publishExtracts(store, root, defs, {
      changedStreams: ["energy"],
      changedRanges: { energy: range },
      onExtract: (t: ExtractTiming) => (report[t.name] = t.reused),
    });
    expect(report).toEqual({
      energy_daily_town: "some",
      energy_daily_enterprise: "some",
      energy_hourly_enterprise: "some",
    });
    const town = m.extracts[0] as ExtractFile;
    expect(await rowsOf(m, town)).toEqual(await expected(energyDailyTown.sql));
    for (const e of m.extracts.slice(1)) {
      const def = defs.find((d) => d.name === e.name);
      const march = e.parts?.find((p) => p.month === "2026-03") as ExtractFile;
      const sql = `SELECT * FROM (${def?.sql}) WHERE strftime(${def?.timeColumn} + INTERVAL 8 HOUR, '%Y-%m') = '2026-03'`;
      const want = await expected(
        sql.replace(" + INTERVAL 8 HOUR", e.name.includes("daily") ? "" : " + INTERVAL 8 HOUR"),
      );
      expect([e.name, await rowsOf(m, march)]).toEqual([e.name, want]);
      expect(march.timeRange?.[1]).toBe(
        e.name.includes("daily")
          ? "2026-03-03T00:00:00.000Z"
          : new Date(localMs("2026-03-03T23:00")).toISOString(),
      );
      const pq = join(root, m.dir, march.parquet?.file ?? "");
      const parquet = await store.queryArrow(`SELECT * FROM read_parquet('${pq}')`);
      expect(parquet.toArray().map((r) => r.toJSON())).toEqual(want);
    }
    const hourly = m.extracts[2]?.parts?.find((p) => p.month === "2026-03") as ExtractFile;
    const t = tableFromIPC(await readFile(join(root, m.dir, hourly.file)));
    // Spliced, not recomputed: 1 March's rows are the previous file's batch, then the new days'.
    expect(t.batches.map((b) => b.numRows)).toEqual([5, 5 + 3 + 5 + 145]);
    expect(String(t.schema.fields.find((f) => f.name === "enterprise_id")?.type)).toBe(
      "Dictionary<Int16, Utf8>",
    );
  });
});
