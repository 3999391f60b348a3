import { createHash } from "node:crypto";
import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { tableFromIPC } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reading } from "../energy/energy-fixture.test-support.ts";
import type { DuckDBStore } from "../store/duckdb-store.ts";
import { energyHourlyEnterprise } from "./energy-extracts.ts";
import type { ExtractDef } from "./extract-defs.ts";
import { fixtureStore } from "./extract-fixtures.test-support.ts";
import { publishExtracts } from "./publish.ts";

const daily: ExtractDef = {
  name: "daily_parts",
  title: { zh: "日", en: "daily" },
  sql: "SELECT day, enterprise_id, sum(value) AS value FROM rollup_energy_day GROUP BY ALL ORDER BY day",
  timeColumn: "day",
  partitionBy: "month",
};
const none: ExtractDef = {
  ...daily,
  name: "no_rows",
  sql: `${daily.sql.replace("GROUP BY", "WHERE FALSE GROUP BY")}`,
};

describe("monthly parts", () => {
  let store: DuckDBStore;
  let root: string;
  beforeAll(async () => {
    // 23:00 on 28 February and 00:00 on 1 March (Shanghai) are one UTC day but two local months.
    store = await fixtureStore({
      energy: [
        reading("ENT-B", "T2", "gas", "2026-01-10T08:00", 4),
        reading("ENT-A", "T1", "electricity", "2026-02-28T23:00", 1),
        reading("ENT-A", "T1", "electricity", "2026-03-01T00:00", 2),
        reading("ENT-A", "T1", "electricity", "2026-03-15T12:00", 3),
      ],
    });
    root = await mkdtemp(join(tmpdir(), "extract-parts-"));
  });
  afterAll(() => store.close());

  it("writes one file per Shanghai month, listed with range, rows, bytes and checksum", async () => {
    const m = await publishExtracts(store, root, [energyHourlyEnterprise, daily, none]);
    const e = m.extracts[0];
    expect(e?.parts?.map((p) => [p.month, p.file, p.rows, p.timeRange])).toEqual([
      [
        "2026-01",
        "energy_hourly_enterprise-2026-01.arrows",
        1,
        ["2026-01-10T00:00:00.000Z", "2026-01-10T00:00:00.000Z"],
      ],
      [
        "2026-02",
        "energy_hourly_enterprise-2026-02.arrows",
        1,
        ["2026-02-28T15:00:00.000Z", "2026-02-28T15:00:00.000Z"],
      ],
      // A day-local extract keeps the month of its newest day one part per day (small files to rewrite).
      [
        "2026-03",
        "energy_hourly_enterprise-2026-03-01.arrows",
        1,
        ["2026-02-28T16:00:00.000Z", "2026-02-28T16:00:00.000Z"],
      ],
      [
        "2026-03",
        "energy_hourly_enterprise-2026-03-15.arrows",
        1,
        ["2026-03-15T04:00:00.000Z", "2026-03-15T04:00:00.000Z"],
      ],
    ]);
    expect(e?.parts?.map((p) => p.day)).toEqual([undefined, undefined, "2026-03-01", "2026-03-15"]);
    for (const p of e?.parts ?? []) {
      const bytes = await readFile(join(root, m.dir, p.file));
      expect([p.bytes, p.sha256]).toEqual([bytes.length, createHash("sha256").update(bytes).digest("hex")]);
      expect(Buffer.compare(gunzipSync(await readFile(join(root, m.dir, `${p.file}.gz`))), bytes)).toBe(0);
      expect(p.encodings.gzip).toBe((await stat(join(root, m.dir, `${p.file}.gz`))).size);
    }
    // The top level is the newest part: what a client that knows nothing of parts downloads.
    expect(e).toMatchObject({
      file: "energy_hourly_enterprise-2026-03-15.arrows",
      rows: 1,
      partitionBy: "month",
    });
    const first = tableFromIPC(
      await readFile(join(root, m.dir, "energy_hourly_enterprise-2026-03-01.arrows")),
    );
    expect(first.toArray().map((r) => r.toJSON().value)).toEqual([2]);
  });

  it("splits DATE columns by calendar month and keeps an empty extract as one empty file", async () => {
    const m = await publishExtracts(store, root, [daily, none]);
    expect(m.extracts[0]?.parts?.map((p) => [p.month, p.rows])).toEqual([
      ["2026-01", 1],
      ["2026-02", 1],
      ["2026-03", 2],
    ]);
    expect(m.extracts[1]).toMatchObject({ file: "no_rows.arrows", rows: 0, parts: [], timeRange: null });
    const empty = tableFromIPC(await readFile(join(root, m.dir, "no_rows.arrows")));
    expect(empty.schema.fields.map((f) => f.name)).toEqual(["day", "enterprise_id", "value"]);
  });

  it("writes a ZSTD Parquet sibling of every file with the same rows", async () => {
    const m = await publishExtracts(store, root, [energyHourlyEnterprise]);
    const part = m.extracts[0]?.parts?.[2];
    const file = join(root, m.dir, part?.parquet?.file ?? "missing");
    expect(part?.parquet).toEqual({
      file: "energy_hourly_enterprise-2026-03-01.parquet",
      bytes: (await stat(file)).size,
    });
    const meta = await store.query(`SELECT DISTINCT compression FROM parquet_metadata('${file}')`);
    expect(meta).toEqual([{ compression: "ZSTD" }]);
    expect(await store.query(`SELECT value FROM read_parquet('${file}')`)).toEqual([{ value: 2 }]);
    const day = m.extracts[0]?.parts?.[3];
    const dayFile = join(root, m.dir, day?.parquet?.file ?? "missing");
    expect(await store.query(`SELECT value FROM read_parquet('${dayFile}')`)).toEqual([{ value: 3 }]);
  });

  it("names what is wrong with a partitioned definition", async () => {
    const text: ExtractDef = { ...daily, name: "bad", sql: "SELECT 'x' AS day" };
    await expect(publishExtracts(store, root, [text])).rejects.toThrow(
      'extract "bad": partitionBy "month" needs timeColumn "day" to be a DATE or TIMESTAMP column, got VARCHAR',
    );
    await expect(publishExtracts(store, root, [{ ...daily, timeColumn: undefined }])).rejects.toThrow(
      'extract "daily_parts": partitionBy "month" needs a timeColumn',
    );
  });
});
