import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ValidationError } from "@citybrain/datasets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBStore } from "../store/duckdb-store.ts";
import { parseParquet } from "./parse-parquet.ts";

const good = {
  ts: "2026-03-01T00:15:00Z",
  meter_id: "ENT-0001-E",
  enterprise_id: "ENT-0001",
  industry: "equipment",
  town_code: "500152001",
  carrier: "electricity",
  value: 12.5,
};

/** Records exercising every rule; the SQL path must judge them exactly like the JS path. */
const RECORDS: Record<string, unknown>[] = [
  good,
  { ...good, ts: "2026-03-01 08:30:00", meter_id: "M2" }, // Shanghai local → 00:30Z
  { ...good, ts: "2026-03-01T09:45:00+08:00", meter_id: "M3" },
  { ...good, ts: Date.UTC(2026, 2, 1, 2), meter_id: "M4" }, // epoch ms
  { ...good, ts: "yesterday", meter_id: "M5" },
  { ...good, ts: "2026-02-30T00:00:00Z", meter_id: "M6" },
  { ...good, value: -1, carrier: "coal", meter_id: "M7" },
  { ...good, value: "abc", meter_id: "M8" },
  { ...good, industry: "", meter_id: "M9" },
  { ...good, meter_id: "M10", metre: "x" },
  { ...good, value: "7", meter_id: "M11" },
  { ...good, ts: "2026-3-1T00:15:00Z", meter_id: "M12" }, // one-digit month: refused by both
  { ...good, ts: "2026-03-01T00:15:00.5Z", meter_id: "M13" },
  { ...good, ts: "2026-03-01T00:15:00Z", meter_id: "M14" },
  { ...good, ts: "2026-03-01T00:15:00.000z", meter_id: "M15" },
  { ...good, ts: 9e15, meter_id: "M16" }, // epoch ms beyond any calendar DuckDB or JS can hold
  // JSON values that are not text or numbers: refused where text is expected, shown as JSON.
  { ...good, meter_id: { site: "M17" } },
  { ...good, meter_id: "M18", enterprise_id: ["ENT-0001"] },
  { ...good, meter_id: "M19", value: true },
  { ...good, meter_id: "M20", ts: false, industry: { a: [1, 2] } },
];

describe("SQL ingest path", () => {
  let js: DuckDBStore;
  let sql: DuckDBStore;
  let dir: string;
  beforeAll(async () => {
    js = await DuckDBStore.open({ path: ":memory:" });
    sql = await DuckDBStore.open({ path: ":memory:" });
    dir = await mkdtemp(join(tmpdir(), "ingest-sql-"));
  });
  afterAll(async () => {
    await js.close();
    await sql.close();
  });

  it("reports the same row errors, with the same words, as the JS validator", async () => {
    const file = join(dir, "mixed.ndjson");
    await writeFile(file, RECORDS.map((r) => JSON.stringify(r)).join("\n"));
    const viaJs = await js
      .ingest("energy", RECORDS, { batchId: "a" })
      .catch((e: ValidationError) => e.errors);
    const viaSql = await sql
      .ingestFile("energy", file, "ndjson", { batchId: "a" })
      .catch((e: ValidationError) => e.errors);
    expect(Array.isArray(viaSql)).toBe(true);
    expect(viaSql).toEqual(viaJs);
    expect(await sql.count("energy")).toBe(0);
  });

  it("quarantines the same rows and stores the same values", async () => {
    const file = join(dir, "mixed2.ndjson");
    await writeFile(file, RECORDS.map((r) => JSON.stringify(r)).join("\n"));
    const a = await js.ingest("energy", RECORDS, { batchId: "q", onBadRows: "quarantine" });
    const b = await sql.ingestFile("energy", file, "ndjson", { batchId: "q", onBadRows: "quarantine" });
    expect(b).toMatchObject({ accepted: a.accepted, rejected: a.rejected, timeRange: a.timeRange });
    const dump =
      "SELECT strftime(ts, '%Y-%m-%dT%H:%M:%S') AS ts, meter_id, value FROM energy ORDER BY meter_id";
    expect(await sql.query(dump)).toEqual(await js.query(dump));
    expect(await sql.query(dump)).toContainEqual({ ts: "2026-03-01T00:30:00", meter_id: "M2", value: 12.5 });
    const q = "SELECT row_number, errors FROM quarantine ORDER BY row_number";
    expect((await sql.query(q)).map((r) => r.row_number)).toEqual(
      (await js.query(q)).map((r) => r.row_number),
    );
  });

  it("reads CSV with missing optional columns and names unknown header columns", async () => {
    const csv = join(dir, "t.csv");
    await writeFile(
      csv,
      "ts,camera_id,line_id,town_code,direction,class,count,extra\n2026-03-01 08:00:00,CAM-1,L1,T,up,car,3,zz\n",
    );
    await expect(sql.ingestFile("traffic", csv, "csv", { batchId: "c" })).rejects.toThrow(
      /row 1, field "extra": unknown field for stream "traffic"/,
    );
    await writeFile(
      csv,
      "ts,camera_id,line_id,town_code,direction,class,count\n2026-03-01 08:00:00,CAM-1,L1,T,up,car,3\n",
    );
    const r = await sql.ingestFile("traffic", csv, "csv", { batchId: "c" });
    expect(r.accepted).toBe(1);
    expect(await sql.query("SELECT road_id, mean_speed_kmh, count FROM traffic")).toEqual([
      { road_id: null, mean_speed_kmh: null, count: 3 },
    ]);
  });

  it("numbers Parquet rows from 1 and quarantines a bad one by its row", async () => {
    const file = join(dir, "t.parquet");
    await sql.exec(
      `COPY (SELECT * FROM (VALUES
         (TIMESTAMP '2026-04-01 00:00:00', 'P1', 'E1', 'equipment', '500152001', 'electricity', 1.5),
         (TIMESTAMP '2026-04-01 00:15:00', 'P1', 'E1', 'equipment', '500152001', 'electricity', 2.5),
         (TIMESTAMP '2026-04-01 00:30:00', 'P1', 'E1', 'equipment', '500152001', 'electricity', -4.0),
         (TIMESTAMP '2026-04-01 00:45:00', 'P1', 'E1', 'equipment', '500152001', 'electricity', 3.5),
         (TIMESTAMP '2026-04-01 01:00:00', 'P1', 'E1', 'equipment', '500152001', 'electricity', 'NaN'::DOUBLE))
       t(ts, meter_id, enterprise_id, industry, town_code, carrier, value)) TO '${file}' (FORMAT parquet)`,
    );
    const errors = await sql
      .ingestFile("energy", file, "parquet", { batchId: "p1" })
      .catch((e: ValidationError) => e.errors);
    expect(errors).toEqual([
      { row: 3, field: "value", message: "expected a number ≥ 0, got -4.0" },
      { row: 5, field: "value", message: "expected a number, got nan" },
    ]);
    const r = await sql.ingestFile("energy", file, "parquet", { batchId: "p2", onBadRows: "quarantine" });
    expect(r).toMatchObject({ accepted: 3, rejected: 2 });
    expect(await sql.query("SELECT row_number FROM quarantine WHERE batch_id = 'p2' ORDER BY 1")).toEqual([
      { row_number: 3 },
      { row_number: 5 },
    ]);
    expect(await sql.query("SELECT sum(value) AS v FROM energy WHERE meter_id = 'P1'")).toEqual([{ v: 7.5 }]);
  });

  it("lets the last record of a repeated key win in CSV and NDJSON (read again, numbered)", async () => {
    const rec = (ts: string, value: number) => ({ ...good, meter_id: "DUP-1", ts, value });
    const rows = [
      rec("2026-05-01T00:00:00Z", 1),
      rec("2026-05-01T00:15:00Z", 2),
      rec("2026-05-01T00:00:00Z", 3), // same key as the first: wins
      rec("2026-05-01T00:30:00Z", 4),
      rec("2026-05-01T00:15:00Z", 5), // same key as the second: wins
    ];
    const cols = Object.keys(good);
    const csv = join(dir, "dup.csv");
    await writeFile(
      csv,
      [cols.join(","), ...rows.map((r) => cols.map((c) => String(r[c as keyof typeof r])).join(","))].join(
        "\n",
      ),
    );
    const ndjson = join(dir, "dup.ndjson");
    await writeFile(ndjson, rows.map((r) => JSON.stringify({ ...r, meter_id: "DUP-2" })).join("\n"));
    await sql.ingestFile("energy", csv, "csv", { batchId: "dup-csv" });
    await sql.ingestFile("energy", ndjson, "ndjson", { batchId: "dup-ndjson" });
    const q = (meter: string) =>
      sql.query(
        `SELECT strftime(ts, '%H:%M') AS t, value FROM energy WHERE meter_id = '${meter}' ORDER BY ts`,
      );
    const expected = [
      { t: "00:00", value: 3 },
      { t: "00:15", value: 5 },
      { t: "00:30", value: 4 },
    ];
    expect(await q("DUP-1")).toEqual(expected);
    expect(await q("DUP-2")).toEqual(expected);
  });

  it("refuses Parquet booleans, structs and lists in text fields as the JS path does, words them alike", async () => {
    const file = join(dir, "nontext.parquet");
    await sql.exec(
      `COPY (SELECT * FROM (VALUES
         (TIMESTAMP '2026-04-02 00:00:00', {'site': 'N1'}, ['ENT-0001'], 'equipment', true, 'electricity', 1.5),
         (TIMESTAMP '2026-04-02 00:15:00', {'site': 'N2'}, ['ENT-0002'], 'equipment', false, 'electricity', 2.5))
       t(ts, meter_id, enterprise_id, industry, town_code, carrier, value)) TO '${file}' (FORMAT parquet)`,
    );
    const viaSql = await sql
      .ingestFile("energy", file, "parquet", { batchId: "nt" })
      .catch((e: ValidationError) => e.errors);
    const viaJs = await js
      .ingest("energy", await parseParquet(new Uint8Array(await readFile(file))), { batchId: "nt" })
      .catch((e: ValidationError) => e.errors);
    expect(viaSql).toEqual(viaJs);
    expect(viaSql).toEqual([
      { row: 1, field: "meter_id", message: 'expected text, got {"site":"N1"}' },
      { row: 1, field: "enterprise_id", message: 'expected text, got ["ENT-0001"]' },
      { row: 1, field: "town_code", message: "expected text, got true" },
      { row: 2, field: "meter_id", message: 'expected text, got {"site":"N2"}' },
      { row: 2, field: "enterprise_id", message: 'expected text, got ["ENT-0002"]' },
      { row: 2, field: "town_code", message: "expected text, got false" },
    ]);
    const q = await sql.ingestFile("energy", file, "parquet", { batchId: "nt-q", onBadRows: "quarantine" });
    expect(q).toMatchObject({ accepted: 0, rejected: 2 });
    const [kept] = await sql.query(
      "SELECT record FROM quarantine WHERE batch_id = 'nt-q' ORDER BY row_number",
    );
    expect(JSON.parse(kept?.record as string)).toMatchObject({ meter_id: { site: "N1" }, town_code: true });
  });

  it("reads a clean NDJSON file (the map reader's first pass) to the rows JS stores, tricky texts included", async () => {
    // Valid everywhere: numbers in text fields, texts that look like JSON objects, arrays or
    // booleans (the first pass cannot tell them from those and hands the batch to the exact read),
    // escapes, padding, epoch ms as a float, keys in any order, blank lines.
    const lines = [
      JSON.stringify(good),
      '{"value": 1.50, "carrier": "gas", "ts": 1.7723232e12, "meter_id": 1.50, "enterprise_id": "ENT-0002", "industry": "equipment", "town_code": 500152001}',
      // JSON escapes in the file itself (\u6f7c\u5357 is 潼南), and text with spaces around it.
      String.raw`{"ts":"2026-03-01T00:15:00Z","meter_id":"\u6f7c\u5357-\"7\"","enterprise_id":"  ENT-0003  ","industry":"equipment","town_code":"500152001","carrier":"water","value":3}`,
      "",
      JSON.stringify({ ...good, meter_id: "M-array-like", enterprise_id: "[ENT]" }),
      "   ",
      JSON.stringify({ ...good, meter_id: "true", enterprise_id: "{ENT}" }),
      JSON.stringify({ ...good, meter_id: "M-e3", value: 1e3, ts: "2026-03-01T00:30:00Z" }),
      "",
    ];
    const records = lines.filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const [name, subset] of [
      ["plain", records.filter((r) => !/[[{]|^true$/.test(String(r.meter_id) + String(r.enterprise_id)))],
      ["look-alikes", records],
    ] as const) {
      const a = await DuckDBStore.open({ path: ":memory:" });
      const b = await DuckDBStore.open({ path: ":memory:" });
      try {
        const file = join(dir, `clean-${name}.ndjson`);
        const text = lines
          .filter(
            (l) => l.trim() === "" || subset.some((r) => JSON.stringify(r) === JSON.stringify(JSON.parse(l))),
          )
          .join("\n");
        await writeFile(file, text);
        const viaJs = await a.ingest("energy", subset, { batchId: "c" });
        const viaFile = await b.ingestFile("energy", file, "ndjson", { batchId: "c" });
        expect(viaFile, name).toMatchObject({
          accepted: subset.length,
          rejected: 0,
          timeRange: viaJs.timeRange,
        });
        const dump =
          "SELECT epoch_ms(ts) AS ts, meter_id, enterprise_id, industry, town_code, carrier, value FROM energy ORDER BY ALL";
        expect(await b.query(dump), name).toEqual(await a.query(dump));
      } finally {
        await a.close();
        await b.close();
      }
    }
  });

  it("reads NDJSON lines that are not objects as the exact read does: row errors, not a parse error", async () => {
    const file = join(dir, "not-objects.ndjson");
    await writeFile(file, `${JSON.stringify(good)}\n[1, 2]\n42\nnull\n`);
    const errors = await sql
      .ingestFile("energy", file, "ndjson", { batchId: "no" })
      .catch((e: ValidationError) => e.errors);
    expect(Array.isArray(errors)).toBe(true);
    if (!Array.isArray(errors)) return;
    expect(new Set(errors.map((e) => e.row))).toEqual(new Set([2, 3, 4]));
    expect(errors.find((e) => e.row === 2 && e.field === "ts")?.message).toMatch(/expected a value/);
  });

  it("refuses unreadable files with a parse error", async () => {
    const bad = join(dir, "bad.ndjson");
    await writeFile(bad, '{"ts": 1}\n{oops\n');
    await expect(sql.ingestFile("energy", bad, "ndjson", { batchId: "z" })).rejects.toThrow(
      /not readable as ndjson/,
    );
  });
});
