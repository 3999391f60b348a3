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

describe("day-local extracts republished by the changed days only", () => {
  let store: DuckDBStore;
  let root: string;
  const rowsOf = async (m: Manifest, f: ExtractFile) =>
    tableFromIPC(await readFile(join(root, m.dir, f.file)))
      .toArray()
      .map((r) => r.toJSON());
  /** What a full recompute writes: the definition's rows, as Arrow gives them back. */
  const expected = async (sql: string) => (await store.queryArrow(sql)).toArray().map((r) => r.toJSON());

  /** The rows of all parts of `month` (their files in part order). */
  const monthRows = async (m: Manifest, name: string, month: string) => {
    const out: unknown[] = [];
    for (const p of m.extracts.find((e) => e.name === name)?.parts?.filter((x) => x.month === month) ?? [])
      out.push(...(await rowsOf(m, p)));
    return out;
  };
  const monthSql = (name: string, month: string) => {
    const def = defs.find((d) => d.name === name);
    const local = name.includes("daily") ? (def?.timeColumn ?? "") : `${def?.timeColumn} + INTERVAL 8 HOUR`;
    return `SELECT * FROM (${def?.sql}) WHERE strftime(${local}, '%Y-%m') = '${month}'`;
  };

  beforeAll(async () => {
    store = await fixtureStore({
      energy: [
        ...hour("2026-02-26T10:00", 5),
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

  it("keeps the current month one part per day and splices late days into earlier months", async () => {
    // Late data for 27 February with 145 new enterprises (the spliced dictionary outgrows 8-bit
    // indices), and another hour of 3 March.
    const rows = [...hour("2026-02-27T11:00", 150, 100), ...hour("2026-03-03T22:00", 3, 7)];
    await store.ingest("energy", rows, { batchId: "late" });
    const range: [number, number] = [localMs("2026-02-27T11:00"), localMs("2026-03-03T22:00")];
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
    expect(await rowsOf(m, m.extracts[0] as ExtractFile)).toEqual(await expected(energyDailyTown.sql));
    for (const e of m.extracts.slice(1)) {
      expect(e.parts?.map((p) => p.day ?? p.month)).toEqual([
        "2026-02",
        "2026-03-01",
        "2026-03-02",
        "2026-03-03",
      ]);
      for (const month of ["2026-02", "2026-03"]) {
        const want = await expected(monthSql(e.name, month));
        expect([e.name, month, await monthRows(m, e.name, month)]).toEqual([e.name, month, want]);
        const parquet: unknown[] = [];
        for (const p of e.parts?.filter((x) => x.month === month) ?? []) {
          const file = join(root, m.dir, p.parquet?.file ?? "");
          const t = await store.queryArrow(`SELECT * FROM read_parquet('${file}')`);
          parquet.push(...t.toArray().map((r) => r.toJSON()));
        }
        expect([e.name, month, parquet]).toEqual([e.name, month, want]);
      }
      expect(e.parts?.at(-1)?.timeRange?.[1]).toBe(
        e.name.includes("daily")
          ? "2026-03-03T00:00:00.000Z"
          : new Date(localMs("2026-03-03T23:00")).toISOString(),
      );
    }
    const feb = m.extracts[2]?.parts?.[0] as ExtractFile;
    const t = tableFromIPC(await readFile(join(root, m.dir, feb.file)));
    // Spliced, not recomputed: 26 February's rows are the previous file's batch, then the 27th's anew.
    expect(t.batches.map((b) => b.numRows)).toEqual([5, 5 + 150]);
    expect(String(t.schema.fields.find((f) => f.name === "enterprise_id")?.type)).toBe(
      "Dictionary<Int16, Utf8>",
    );
  });

  it("merges the days of a month that ended into one month part", async () => {
    const before = await publishExtracts(store, root, defs, { changedStreams: [] });
    await store.ingest("energy", hour("2026-04-01T01:00", 2, 9), { batchId: "next-month" });
    const at = localMs("2026-04-01T01:00");
    const m = await publishExtracts(store, root, defs, {
      changedStreams: ["energy"],
      changedRanges: { energy: [at, at] },
    });
    const parts = m.extracts[2]?.parts ?? [];
    expect(parts.map((p) => p.day ?? p.month)).toEqual(["2026-02", "2026-03", "2026-04-01"]);
    const name = "energy_hourly_enterprise";
    expect(await monthRows(m, name, "2026-03")).toEqual(await expected(monthSql(name, "2026-03")));
    // Concatenated from the three day files, not queried again: one batch per day.
    const march = tableFromIPC(await readFile(join(root, m.dir, parts[1]?.file ?? "")));
    const days = before.extracts[2]?.parts?.filter((p) => p.month === "2026-03").map((p) => p.rows);
    expect(march.batches.map((b) => b.numRows)).toEqual(days);
    expect(m.extracts[2]).toMatchObject({ file: "energy_hourly_enterprise-2026-04-01.arrows", rows: 2 });
  });
});
