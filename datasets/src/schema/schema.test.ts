import { DuckDBInstance } from "@duckdb/node-api";
import { tableFromIPC, tableToIPC, Table } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { STREAM_NAMES, energy, septic, streamDef } from "../streams/index.ts";
import { duckdbCreateTable } from "./to-duckdb.ts";
import { parseTime } from "./parse-time.ts";
import { toRecordBatch } from "./to-arrow.ts";
import { ValidationError, formatRowError, validateRows } from "./validate.ts";

describe("parseTime", () => {
  it("reads offsets, Z and Shanghai-local times", () => {
    expect(parseTime("2026-03-01T00:00:00Z")).toBe(Date.UTC(2026, 2, 1));
    expect(parseTime("2026-03-01T08:00:00+08:00")).toBe(Date.UTC(2026, 2, 1));
    expect(parseTime("2026-03-01 08:00:00")).toBe(Date.UTC(2026, 2, 1));
    expect(parseTime("2026-02-30T00:00:00Z")).toBeUndefined();
    expect(parseTime("yesterday")).toBeUndefined();
  });
});

describe("validateRows", () => {
  const good = {
    ts: "2026-03-01T00:15:00Z",
    meter_id: "ENT-0001-E",
    enterprise_id: "ENT-0001",
    industry: "equipment",
    town_code: "500152001",
    carrier: "electricity",
    value: 12.5,
  };

  it("accepts a good row and types it", () => {
    const r = validateRows(energy, [good]);
    expect(r.errors).toEqual([]);
    expect(r.rows[0]?.ts).toBe(Date.UTC(2026, 2, 1, 0, 15));
    expect(r.rows[0]?.value).toBe(12.5);
  });

  it("names the row, the field and what was expected", () => {
    const r = validateRows(energy, [
      good,
      { ...good, ts: "yesterday" },
      { ...good, value: -1, carrier: "coal" },
    ]);
    expect(r.rows).toHaveLength(1);
    expect(r.errors.map(formatRowError)).toEqual([
      'row 2, field "ts": expected ISO-8601 time, got "yesterday"',
      'row 3, field "carrier": expected one of electricity|water|gas|oil, got "coal"',
      'row 3, field "value": expected a number ≥ 0, got -1',
    ]);
    const e = new ValidationError("energy", r.errors);
    expect(e.message).toContain('stream "energy": row 2, field "ts"');
  });

  it("rejects unknown and missing fields", () => {
    const { meter_id: _m, ...missing } = good;
    const r = validateRows(energy, [{ ...missing, metre: "x" }]);
    expect(r.errors.map((e) => e.field).sort()).toEqual(["meter_id", "metre"]);
  });
});

describe("stream schemas", () => {
  it("every stream's DDL creates a real DuckDB table", async () => {
    const db = await DuckDBInstance.create(":memory:");
    const conn = await db.connect();
    for (const name of STREAM_NAMES) await conn.run(duckdbCreateTable(streamDef(name)));
    const r = await conn.runAndReadAll("select count(*) from information_schema.tables");
    expect(Number(r.getRows()[0]?.[0])).toBe(8);
    await expect(
      conn.run(`insert into energy values ('2026-01-01', 'm', 'e', 'lemon', 't', 'coal', 1)`),
    ).rejects.toThrow(/CHECK/i);
    conn.closeSync();
  });

  it("columnar batches round-trip through Arrow IPC", () => {
    const batch = toRecordBatch(septic, {
      length: 2,
      columns: {
        ts: new Float64Array([Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1, 0, 5)]),
        monitor_id: { codes: new Int32Array([1, 0]), dictionary: ["SEP-001", "SEP-002"] },
        town_code: ["500152001", "500152002"],
        ch4_lel: new Float64Array([3.5, 60]),
        h2s_ppm: [1, 2],
        level_pct: new Float64Array([40, 91]),
        temperature_c: new Float64Array([18, 19]),
      },
    });
    const table = tableFromIPC(tableToIPC(new Table([batch]), "stream"));
    expect(table.numRows).toBe(2);
    expect(table.getChild("monitor_id")?.toArray()).toEqual(["SEP-002", "SEP-001"]);
    expect(Number(table.getChild("ts")?.get(1))).toBe(Date.UTC(2026, 0, 1, 0, 5));
    expect(table.getChild("level_pct")?.get(1)).toBe(91);
    expect(table.schema.metadata.get("stream")).toBe("septic");
  });
});
