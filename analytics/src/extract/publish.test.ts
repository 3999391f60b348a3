import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { tableFromIPC } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBStore } from "../store/duckdb-store.ts";
import { loadTowns } from "./towns-table.ts";
import { DEFAULT_EXTRACTS } from "./extract-defs.ts";
import { publishExtracts, readManifest } from "./publish.ts";

const reading = (isoLocal: string, carrier: string, value: number, town = "500152001") => ({
  ts: isoLocal,
  meter_id: `M-${carrier}-${town}`,
  enterprise_id: "ENT-0001",
  industry: "lemon",
  town_code: town,
  carrier,
  value,
});

describe("publishExtracts", () => {
  let store: DuckDBStore;
  let root: string;
  beforeAll(async () => {
    store = await DuckDBStore.open({ path: ":memory:" });
    root = await mkdtemp(join(tmpdir(), "extracts-"));
    await loadTowns(store, [
      { code: "500152001", name: "桂林街道", kind: "street", lon: 105.84, lat: 30.19 },
    ]);
    // Times without offset are Asia/Shanghai: 23:45 on 1 March and 00:00 on 2 March are different days.
    await store.ingest(
      "energy",
      [
        reading("2026-03-01 23:45:00", "electricity", 1000),
        reading("2026-03-02 00:00:00", "electricity", 2000),
        reading("2026-03-02 00:00:00", "water", 100),
        reading("2026-03-02 00:00:00", "gas", 10, "500152002"),
      ],
      { batchId: "e1" },
    );
  });
  afterAll(async () => store.close());

  it("writes Arrow IPC with tce per Shanghai day and a manifest", async () => {
    const m = await publishExtracts(store, root, DEFAULT_EXTRACTS);
    expect(m.version).toBe(1);
    const entry = m.extracts.find((e) => e.name === "energy_daily_town");
    expect(entry?.rows).toBe(4);
    expect(entry?.timeRange).toEqual(["2026-03-01T00:00:00.000Z", "2026-03-02T00:00:00.000Z"]);
    const bytes = await readFile(join(root, m.dir, "energy_daily_town.arrows"));
    const t = tableFromIPC(bytes);
    const rows = t.toArray().map((r) => r.toJSON());
    expect(rows[0]).toMatchObject({ town_name: "桂林街道", carrier: "electricity", value: 1000 });
    expect(rows[0]?.tce).toBeCloseTo((1000 * 0.1229) / 1000, 10);
    expect(rows[1]).toMatchObject({ carrier: "electricity", value: 2000 });
    expect(rows[2]).toMatchObject({ carrier: "water", value: 100 });
    expect(rows[2]?.tce).toBeCloseTo((100 * 0.2571) / 1000, 10);
    // An unknown town code keeps its code as the name rather than vanishing.
    expect(rows.find((r) => r.carrier === "gas")?.town_name).toBe("500152002");
    const gz = gunzipSync(await readFile(join(root, m.dir, "energy_daily_town.arrows.gz")));
    expect(Buffer.compare(gz, bytes)).toBe(0);
  });

  it("bumps the version, keeps the previous one and drops older", async () => {
    await publishExtracts(store, root, DEFAULT_EXTRACTS);
    const m3 = await publishExtracts(store, root, DEFAULT_EXTRACTS);
    expect(m3.version).toBeGreaterThanOrEqual(3);
    expect((await readManifest(root))?.version).toBe(m3.version);
    const dirs = (await readdir(root)).filter((d) => d.startsWith("v")).sort();
    expect(dirs).toEqual([`v${m3.version - 1}`, `v${m3.version}`]);
  });
});
