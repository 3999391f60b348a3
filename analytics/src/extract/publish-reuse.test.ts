import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reading } from "../energy/energy-fixture.test-support.ts";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import { energyDailyEnterprise, energyHourlyEnterprise } from "./energy-extracts.ts";
import { fixtureStore, local, localMs } from "./extract-fixtures.test-support.ts";
import type { Manifest } from "./manifest.ts";
import { publishExtracts, type ExtractTiming, type PublishOptions } from "./publish.ts";
import { septicHourly } from "./septic-extracts.ts";

const septicRow = (t: string, level: number) => ({
  ts: local(t),
  monitor_id: "SEP-1",
  town_code: "T1",
  ch4_lel: 1,
  h2s_ppm: 1,
  level_pct: level,
  temperature_c: 20,
});
const defs = [energyDailyEnterprise, energyHourlyEnterprise, septicHourly];

describe("publishExtracts with changedStreams", () => {
  let store: DuckDBStore;
  let root: string;
  let last: Manifest;
  const inode = async (m: Manifest, file: string) => (await stat(join(root, m.dir, file))).ino;
  const publish = async (options: PublishOptions) => {
    const report: Record<string, ExtractTiming["reused"]> = {};
    last = await publishExtracts(store, root, defs, {
      ...options,
      onExtract: (t) => (report[t.name] = t.reused),
    });
    return report;
  };
  const entry = (m: Manifest, name: string) => m.extracts.find((e) => e.name === name);

  beforeAll(async () => {
    store = await fixtureStore({
      energy: [
        reading("ENT-A", "T1", "electricity", "2026-01-10T08:00", 1),
        reading("ENT-A", "T1", "electricity", "2026-02-10T08:00", 2),
        reading("ENT-A", "T1", "electricity", "2026-03-10T08:00", 3),
      ],
      septic: [septicRow("2026-03-10T08:00", 40)],
    });
    root = await mkdtemp(join(tmpdir(), "extract-reuse-"));
    await publish({});
  });
  afterAll(() => store.close());

  it("links the files of extracts whose streams did not change", async () => {
    const v1 = last;
    await store.ingest("septic", [septicRow("2026-03-10T09:00", 95)], { batchId: "s2" });
    expect(await publish({ changedStreams: ["septic"] })).toEqual({
      energy_daily_enterprise: "all",
      energy_hourly_enterprise: "all",
      septic_hourly: "none",
    });
    const v2 = last;
    expect(await inode(v2, "septic_hourly.arrows")).not.toBe(await inode(v1, "septic_hourly.arrows"));
    const daily = "energy_daily_enterprise-2026-03-10"; // the current month: a part per day
    expect(await inode(v2, `${daily}.arrows`)).toBe(await inode(v1, `${daily}.arrows`));
    expect(await inode(v2, `${daily}.parquet`)).toBe(await inode(v1, `${daily}.parquet`));
    expect(await inode(v2, "energy_hourly_enterprise-2026-02.arrows.br")).toBe(
      await inode(v1, "energy_hourly_enterprise-2026-02.arrows.br"),
    );
    expect(entry(v2, "energy_hourly_enterprise")).toEqual(entry(v1, "energy_hourly_enterprise"));
    expect(entry(v2, "septic_hourly")?.rows).toBe(2); // the new hour is in
  });

  it("recomputes only the parts a changed range touches", async () => {
    const v2 = last;
    await store.ingest("energy", [reading("ENT-A", "T1", "electricity", "2026-03-11T08:00", 4)], {
      batchId: "e2",
    });
    const at = localMs("2026-03-11T08:00");
    expect(await publish({ changedStreams: ["energy"], changedRanges: { energy: [at, at] } })).toEqual({
      energy_daily_enterprise: "some",
      energy_hourly_enterprise: "some",
      septic_hourly: "all",
    });
    const parts = entry(last, "energy_hourly_enterprise")?.parts ?? [];
    // The current month is kept one part per day: 11 March is a new part, 10 March is kept.
    expect(parts.map((p) => [p.month, p.day ?? null, p.rows])).toEqual([
      ["2026-01", null, 1],
      ["2026-02", null, 1],
      ["2026-03", "2026-03-10", 1],
      ["2026-03", "2026-03-11", 1],
    ]);
    for (const f of ["energy_hourly_enterprise-2026-01.arrows", "energy_hourly_enterprise-2026-03-10.arrows"])
      expect(await inode(last, f)).toBe(await inode(v2, f));
    expect(entry(last, "energy_hourly_enterprise")).toMatchObject({
      file: "energy_hourly_enterprise-2026-03-11.arrows",
      rows: 1,
    });
    // Only the current and the previous version stay on disk; linked files outlive the old one.
    expect((await readdir(root)).filter((d) => d.startsWith("v")).sort()).toEqual(["v2", "v3"]);
  });

  it("recomputes when a previous file is gone, the definition changed or the ranges are unknown", async () => {
    await rm(join(root, last.dir, "energy_hourly_enterprise-2026-01.arrows.gz"));
    const changedSql = {
      ...energyDailyEnterprise,
      sql: energyDailyEnterprise.sql.replace("ORDER BY day,", "ORDER BY"),
    };
    const report: Record<string, string> = {};
    const onExtract = (t: ExtractTiming) => (report[t.name] = t.reused);
    await publishExtracts(store, root, [changedSql, energyHourlyEnterprise, septicHourly], {
      changedStreams: ["cases"],
      onExtract,
    });
    expect(report).toEqual({
      energy_daily_enterprise: "none",
      energy_hourly_enterprise: "none",
      septic_hourly: "all",
    });
    await publishExtracts(store, root, [energyHourlyEnterprise], { changedStreams: ["energy"], onExtract });
    expect(report.energy_hourly_enterprise).toBe("none");
  });

  it("treats a change of the Parquet option as a new definition; reuses everything for no change", async () => {
    expect(await publish({ changedStreams: [], parquet: false })).toEqual({
      energy_daily_enterprise: "none",
      energy_hourly_enterprise: "none",
      septic_hourly: "none",
    });
    expect(entry(last, "septic_hourly")?.parquet).toBeUndefined();
    expect(await publish({ changedStreams: [], parquet: false })).toEqual({
      energy_daily_enterprise: "all",
      energy_hourly_enterprise: "all",
      septic_hourly: "all",
    });
  });

  it("says how far each stream's data reaches, moved on by the ranges a partial publish names", async () => {
    // The full publish at the start asked the store: energy to 11 March 08:00 by now, septic 10 March 09:00.
    await publish({});
    expect(last.through).toEqual({ energy: local("2026-03-11T08:00"), septic: local("2026-03-10T09:00") });
    // A partial publish asks nothing: it moves a stream on by its written range...
    const at = localMs("2026-03-11T09:00");
    await store.ingest("energy", [reading("ENT-A", "T1", "electricity", "2026-03-11T09:00", 5)], {
      batchId: "e3",
    });
    await publish({ changedStreams: ["energy"], changedRanges: { energy: [at, at] } });
    expect(last.through).toEqual({ energy: local("2026-03-11T09:00"), septic: local("2026-03-10T09:00") });
    // ...never back, for late data...
    const late = localMs("2026-03-01T08:00");
    await store.ingest("energy", [reading("ENT-A", "T1", "electricity", "2026-03-01T08:00", 1)], {
      batchId: "e4",
    });
    await publish({ changedStreams: ["energy"], changedRanges: { energy: [late, late] } });
    expect(last.through?.energy).toBe(local("2026-03-11T09:00"));
    // ...and asks the store for a changed stream without a range.
    await store.ingest("septic", [septicRow("2026-03-12T10:00", 20)], { batchId: "s3" });
    await publish({ changedStreams: ["septic"] });
    expect(last.through?.septic).toBe(local("2026-03-12T10:00"));
  });
});
