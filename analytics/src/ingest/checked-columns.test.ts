import {
  STREAM_NAMES,
  arrowSchema,
  batchToRows,
  defineStream,
  formatTime,
  nullable,
  streamDef,
  t,
  toRecordBatch,
  validateRows,
  type ColumnBatch,
  type StreamDef,
  type StreamName,
} from "@citybrain/datasets";
import { GENERATORS, Random, makeContext } from "@citybrain/datasets/generators";
import type { RecordBatch } from "apache-arrow";
import {
  Bool,
  DateDay,
  Float32,
  Int64,
  Table,
  TimestampMicrosecond,
  TimestampSecond,
  Utf8,
  tableFromIPC,
  tableToIPC,
  vectorFromArray,
  type DataType,
} from "apache-arrow";
import { describe, expect, it } from "vitest";
import { checkArrowTable } from "./arrow-columns.ts";
import { NULL_CODE, checkRecords, isCoded, type CheckedColumns } from "./checked-columns.ts";
import { arrowRecords, parseArrow } from "./parse-arrow.ts";

/** The good rows of a checked batch as records, as validateRows would return them. */
function rowsOf(c: CheckedColumns): Record<string, unknown>[] {
  return Array.from({ length: c.length }, (_, i) =>
    Object.fromEntries(
      c.columns.map((col) => {
        if (isCoded(col)) {
          const code = col.codes[i]!;
          return [col.name, code === NULL_CODE ? null : col.dictionary[code]];
        }
        const v = col.numbers[i]!;
        if (Number.isNaN(v)) return [col.name, null];
        return [col.name, col.def.kind === "bool" ? v === 1 : v];
      }),
    ),
  );
}

/** validateRows' good rows, with timestamps rounded to the millisecond as they are stored. */
function expectedRows(def: StreamDef, records: readonly unknown[]): Record<string, unknown>[] {
  return validateRows(def, records).rows.map((r) =>
    Object.fromEntries(
      Object.entries(r as Record<string, unknown>).map(([k, v]) => [
        k,
        def.fields[k]?.kind === "timestamp" && typeof v === "number" ? Math.round(v) : v,
      ]),
    ),
  );
}

function sampleRows(stream: StreamName, n: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const b of GENERATORS[stream](makeContext({ preset: "tiny", seed: 3 }))) {
    out.push(...batchToRows(b));
    if (out.length >= n) break;
  }
  return out.slice(0, n);
}

/** Breaks records in every way an ingest client can: wrong types, blanks, text numbers, extras. */
function mess(def: StreamDef, rows: readonly Record<string, unknown>[], rng: Random): unknown[] {
  const names = Object.keys(def.fields);
  const variants: ((v: unknown) => unknown)[] = [
    () => null,
    () => undefined,
    () => "",
    () => "abc",
    () => -1,
    () => 1.5,
    () => Number.NaN,
    () => Infinity,
    () => true,
    () => "true",
    (v) => (typeof v === "number" ? String(v) : v),
    (v) => (typeof v === "number" ? ` ${v} ` : v),
    (v) => (typeof v === "number" && v > 1e12 ? formatTime(v) : v),
    (v) => (typeof v === "number" && v > 1e12 ? formatTime(v).replace("T", " ").slice(0, 19) : v),
    (v) => (typeof v === "number" && v > 1e12 ? v + 0.4 : v),
    (v) => (typeof v === "string" ? `${v}x` : v),
    (v) => (typeof v === "string" ? Number(v) || 7 : v),
    () => "2026-02-30",
    () => "2026-03-01",
    () => ({ nested: 1 }),
    () => 3e9, // beyond a 32-bit int
    () => 9e15, // beyond any time
    () => -2_147_483_648,
  ];
  return rows.map((row) => {
    const roll = rng.next();
    if (roll < 0.03) return rng.chance(0.5) ? null : [row];
    if (roll < 0.45) return row;
    const r: Record<string, unknown> = rng.chance(0.2)
      ? Object.fromEntries(Object.entries(row).reverse())
      : { ...row };
    const hits = 1 + rng.int(2);
    for (let h = 0; h < hits; h++) {
      const name = names[rng.int(names.length)]!;
      r[name] = variants[rng.int(variants.length)]!(r[name]);
    }
    if (rng.chance(0.1)) r.unexpected = 1;
    if (rng.chance(0.05)) delete r[names[rng.int(names.length)]!];
    return r;
  });
}

describe("checkRecords", () => {
  it.each(STREAM_NAMES)("gives validateRows' errors and rows on messy %s records", (stream) => {
    const def = streamDef(stream);
    const rng = new Random(stream.length * 977);
    const records = mess(def, sampleRows(stream, 400), rng);
    const checked = checkRecords(def, records);
    const expected = validateRows(def, records);
    expect(expected.errors.length).toBeGreaterThan(5);
    expect(checked.errors).toEqual(expected.errors);
    expect(checked.badRows).toBe(new Set(expected.errors.map((e) => e.row)).size);
    expect(rowsOf(checked)).toEqual(expectedRows(def, records));
  });

  it("keeps bools, nullable values and the time range of good rows only", () => {
    const def = defineStream({
      name: "probe",
      title: { zh: "探针", en: "Probe" },
      grain: "event",
      timeField: "ts",
      key: ["ts", "id"],
      fields: {
        ts: t.timestamp("time"),
        id: t.id("id"),
        on: nullable(t.bool("on")),
        n: nullable(t.int("n", { min: 0, max: 9 })),
      },
    });
    const c = checkRecords(def, [
      { ts: 5000, id: "a", on: true, n: 1 },
      { ts: 1000, id: "b", on: "0", n: null },
      { ts: 9000, id: "c", on: "maybe", n: 3 },
      { ts: 7000.6, id: "a", n: "4" },
    ]);
    expect(c.errors).toEqual([{ row: 3, field: "on", message: 'expected true or false, got "maybe"' }]);
    expect(rowsOf(c)).toEqual([
      { ts: 5000, id: "a", on: true, n: 1 },
      { ts: 1000, id: "b", on: false, n: null },
      { ts: 7001, id: "a", on: null, n: 4 },
    ]);
    expect(c.timeRange).toEqual([1000, 7001]);
    expect(c.columns[1]).toMatchObject({ dictionary: ["a", "b", "c"] });
  });

  it("numbers rows from firstRow and reads dates' range from their UTC midnight", () => {
    const def = streamDef("exchange");
    const [row] = sampleRows("exchange", 1);
    const c = checkRecords(def, [row, { ...row, day: "2026-13-01" }], 2);
    expect(c.errors).toEqual([
      { row: 3, field: "day", message: 'expected a date YYYY-MM-DD, got "2026-13-01"' },
    ]);
    const ms = Date.parse(`${row!.day as string}T00:00:00Z`);
    expect(c.timeRange).toEqual([ms, ms]);
  });
});

/** An IPC round trip of the generator's own batches (dictionaries, ms timestamps, nulls). */
function generatedTable(stream: StreamName, batches: number): Table {
  const def = streamDef(stream);
  const out: RecordBatch[] = [];
  for (const b of GENERATORS[stream](makeContext({ preset: "tiny", seed: 5 }))) {
    out.push(toRecordBatch(def, b as ColumnBatch));
    if (out.length >= batches) break;
  }
  return tableFromIPC(tableToIPC(new Table(arrowSchema(def), out), "stream"));
}

describe("checkArrowTable", () => {
  it.each(STREAM_NAMES)("reads generated %s batches like parseArrow + validateRows", (stream) => {
    const def = streamDef(stream);
    const table = generatedTable(stream, 3);
    const records = parseArrow(tableToIPC(table, "stream"));
    const checked = checkArrowTable(def, table);
    expect(checked.errors).toEqual([]);
    expect(checked.length).toBe(records.length);
    expect(rowsOf(checked)).toEqual(expectedRows(def, records));
  });

  it("reads other Arrow types, nulls, several batches and unknown columns exactly as records", () => {
    const def = streamDef("traffic");
    const base = {
      camera_id: vectorFromArray(["C1", "C2", null, "C4", "C5", "C6"], new Utf8()),
      line_id: vectorFromArray(["L1", "L1", "L1", "L2", "L2", "L2"]),
      town_code: vectorFromArray(["500152001", "500152001", "500152001", "500152002", "x", "500152002"]),
      direction: vectorFromArray(["in", "out", "in", "sideways", "in", "out"]),
      class: vectorFromArray(["car", "bus", "truck", "car", "car", "person"]),
    };
    const micros = vectorFromArray(
      [1772323200000, 1772323260001, 1772323320000, null, 1772323440000, 1772323500000],
      new TimestampMicrosecond(),
    );
    const t1 = new Table({
      ts: micros,
      ...base,
      count: vectorFromArray([1n, 2n, -3n, 4n, 5n, 6n], new Int64()),
      mean_speed_kmh: vectorFromArray([30.5, null, 40, 999, 12, 0], new Float32()),
      extra: vectorFromArray([true, false, true, null, true, false], new Bool()),
    });
    const secs = vectorFromArray(
      [1772323200000, 1772323260000, 1772323320000, 1772323380000, 1772323440000, 1772323500000],
      new TimestampSecond(),
    );
    const t2 = new Table({
      ts: secs,
      ...base,
      count: vectorFromArray([1, 2, 3, 4, 5, 6.5]),
      road_id: vectorFromArray([null, "R1", "R2", "R2", null, "R3"]),
      mean_speed_kmh: vectorFromArray([new Date(0), null, null, null, null, null], new DateDay() as DataType),
    });
    for (const tbl of [t1, t2, t1.concat(t1.slice(2, 5))]) {
      const bytes = tableToIPC(tbl, "stream");
      const records = parseArrow(bytes);
      const checked = checkArrowTable(def, tableFromIPC(bytes));
      const expected = validateRows(def, records);
      expect(expected.errors.length).toBeGreaterThan(0);
      expect(checked.errors).toEqual(expected.errors);
      expect(rowsOf(checked)).toEqual(expectedRows(def, records));
      // In memory, slices keep their offsets into shared buffers: read them the same way.
      const inMemory = arrowRecords(
        tbl,
        Array.from({ length: tbl.numRows }, (_, i) => i),
      );
      expect(inMemory).toEqual(records);
      expect(checkArrowTable(def, tbl).errors).toEqual(expected.errors);
      expect(rowsOf(checkArrowTable(def, tbl))).toEqual(expectedRows(def, records));
    }
  });
});
