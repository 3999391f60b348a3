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
    // Late data for 2 March with 145 new enterprises (the spliced dictionary outgrows 8-bit
    // indices), and another hour of 3 March, the newest day (a part of its own).
    const rows = [...hour("2026-03-02T11:00", 150, 100), ...hour("2026-03-03T22:00", 3, 7)];
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
      const daily = e.name.includes("daily");
      const march = (e.parts ?? []).filter((p) => p.month === "2026-03");
      expect(march.map((p) => p.day ?? null)).toEqual([null, "2026-03-03"]);
      const local = daily ? (def?.timeColumn ?? "") : `${def?.timeColumn} + INTERVAL 8 HOUR`;
      const want = await expected(
        `SELECT * FROM (${def?.sql}) WHERE strftime(${local}, '%Y-%m') = '2026-03'`,
      );
      const got = [
        ...(await rowsOf(m, march[0] as ExtractFile)),
        ...(await rowsOf(m, march[1] as ExtractFile)),
      ];
      expect([e.name, got]).toEqual([e.name, want]);
      expect(march[1]?.timeRange?.[1]).toBe(
        daily ? "2026-03-03T00:00:00.000Z" : new Date(localMs("2026-03-03T23:00")).toISOString(),
      );
      const parquet: unknown[] = [];
      for (const p of march) {
        const file = join(root, m.dir, p.parquet?.file ?? "");
        parquet.push(
          ...(await store.queryArrow(`SELECT * FROM read_parquet('${file}')`))
            .toArray()
            .map((r) => r.toJSON()),
        );
      }
      expect(parquet).toEqual(want);
    }
    const hourly = m.extracts[2]?.parts?.find((p) => p.month === "2026-03" && !p.day) as ExtractFile;
    const t = tableFromIPC(await readFile(join(root, m.dir, hourly.file)));
    // Spliced, not recomputed: 1 March's rows are the previous file's batch, then 2 March's anew.
    expect(t.batches.map((b) => b.numRows)).toEqual([5, 5 + 150]);
    expect(String(t.schema.fields.find((f) => f.name === "enterprise_id")?.type)).toBe(
      "Dictionary<Int16, Utf8>",
    );
  });

  it("moves the newest day into its month when a newer day arrives", async () => {
    await store.ingest("energy", hour("2026-03-04T01:00", 2, 9), { batchId: "next-day" });
    const at = localMs("2026-03-04T01:00");
    const m = await publishExtracts(store, root, defs, {
      changedStreams: ["energy"],
      changedRanges: { energy: [at, at] },
    });
    const parts = m.extracts[2]?.parts ?? [];
    expect(parts.map((p) => [p.month, p.day ?? null])).toEqual([
      ["2026-02", null],
      ["2026-03", null],
      ["2026-03", "2026-03-04"],
    ]);
    const def = energyHourlyEnterprise;
    const want = await expected(
      `SELECT * FROM (${def.sql}) WHERE strftime(ts + INTERVAL 8 HOUR, '%Y-%m') = '2026-03'`,
    );
    const got = [
      ...(await rowsOf(m, parts[1] as ExtractFile)),
      ...(await rowsOf(m, parts[2] as ExtractFile)),
    ];
    expect(got).toEqual(want);
    expect(m.extracts[2]).toMatchObject({ file: "energy_hourly_enterprise-2026-03-04.arrows", rows: 2 });
  });
});
