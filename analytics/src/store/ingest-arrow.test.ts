import {
  STREAM_NAMES,
  arrowSchema,
  quoteIdent,
  streamDef,
  toRecordBatch,
  type StreamName,
  type ValidationError,
} from "@citybrain/datasets";
import { GENERATORS, makeContext } from "@citybrain/datasets/generators";
import type { RecordBatch } from "apache-arrow";
import { Int64, Table, TimestampMillisecond, tableToIPC, vectorFromArray } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArrow } from "../ingest/parse-arrow.ts";
import { DuckDBStore } from "./duckdb-store.ts";

function generatedIpc(stream: StreamName, batches: number): Uint8Array {
  const def = streamDef(stream);
  const out: RecordBatch[] = [];
  for (const b of GENERATORS[stream](makeContext({ preset: "tiny", seed: 9 }))) {
    out.push(toRecordBatch(def, b));
    if (out.length >= batches) break;
  }
  return tableToIPC(new Table(arrowSchema(def), out), "stream");
}

const dump = (store: DuckDBStore, stream: StreamName) =>
  store.query(`SELECT * FROM ${quoteIdent(stream)} ORDER BY ALL`);

describe("DuckDBStore.ingestArrow", () => {
  let columnar: DuckDBStore;
  let records: DuckDBStore;
  beforeAll(async () => {
    columnar = await DuckDBStore.open({ path: ":memory:" });
    records = await DuckDBStore.open({ path: ":memory:" });
  });
  afterAll(async () => {
    await columnar.close();
    await records.close();
  });

  it.each(STREAM_NAMES)("stores %s exactly as record ingest of the decoded rows", async (stream) => {
    const bytes = generatedIpc(stream, 4);
    const a = await columnar.ingestArrow(stream, bytes, { batchId: `g-${stream}` });
    const b = await records.ingest(stream, parseArrow(bytes), { batchId: `g-${stream}` });
    expect(a).toEqual(b);
    expect(a.accepted).toBeGreaterThan(0);
    const stored = await dump(columnar, stream);
    expect(stored).toHaveLength(a.accepted);
    expect(stored).toEqual(await dump(records, stream));
  });

  it("stores nulls, rejects a bad batch whole and quarantines its bad rows with their values", async () => {
    const table = new Table({
      ts: vectorFromArray([
        Date.UTC(2026, 4, 1, 8, 0),
        Date.UTC(2026, 4, 1, 8, 1),
        Date.UTC(2026, 4, 1, 8, 2),
      ]),
      camera_id: vectorFromArray(["CAM-A", "CAM-A", "CAM-B"]),
      line_id: vectorFromArray(["L1", "L1", "L1"]),
      town_code: vectorFromArray(["500152001", "500152001", "500152002"]),
      road_id: vectorFromArray([null, "R-7", null]),
      direction: vectorFromArray(["up", "down", "up"]),
      class: vectorFromArray(["car", "bus", "car"]),
      count: vectorFromArray([3, -1, 4]),
      mean_speed_kmh: vectorFromArray([31.5, null, null]),
    });
    const before = await columnar.count("traffic");
    const errors = await columnar
      .ingestArrow("traffic", table, { batchId: "bad" })
      .catch((e: ValidationError) => e.errors);
    expect(errors).toEqual([{ row: 2, field: "count", message: "expected a number ≥ 0, got -1" }]);
    expect(await columnar.count("traffic")).toBe(before);

    const r = await columnar.ingestArrow("traffic", table, { batchId: "q", onBadRows: "quarantine" });
    expect(r).toMatchObject({ accepted: 2, rejected: 1, replayed: false });
    expect(
      await columnar.query(
        "SELECT camera_id, road_id, count, mean_speed_kmh FROM traffic WHERE camera_id LIKE 'CAM-_' ORDER BY ts",
      ),
    ).toEqual([
      { camera_id: "CAM-A", road_id: null, count: 3, mean_speed_kmh: 31.5 },
      { camera_id: "CAM-B", road_id: null, count: 4, mean_speed_kmh: null },
    ]);
    const [q] = await columnar.query(
      "SELECT row_number, record, errors FROM quarantine WHERE batch_id = 'q'",
    );
    expect(q?.row_number).toBe(2);
    expect(JSON.parse(q?.record as string)).toMatchObject({ camera_id: "CAM-A", road_id: "R-7", count: -1 });
    expect(JSON.parse(q?.errors as string)).toEqual(["count: expected a number ≥ 0, got -1"]);
    expect(await columnar.ingestArrow("traffic", table, { batchId: "q" })).toMatchObject({ replayed: true });
  });

  it("refuses bytes that are not Arrow IPC with a parse error", async () => {
    await expect(
      columnar.ingestArrow("energy", new TextEncoder().encode("ts,value\n"), { batchId: "x" }),
    ).rejects.toThrow(/not an Arrow IPC stream or file/);
  });

  it("names out-of-range 64-bit values by row and field instead of failing in the engine", async () => {
    const table = new Table({
      ts: vectorFromArray(
        [Date.UTC(2026, 5, 1), 9e15, Date.UTC(2026, 5, 1, 0, 2)],
        new TimestampMillisecond(),
      ),
      camera_id: vectorFromArray(["CAM-X", "CAM-X", "CAM-X"]),
      line_id: vectorFromArray(["L1", "L1", "L1"]),
      town_code: vectorFromArray(["500152001", "500152001", "500152001"]),
      direction: vectorFromArray(["up", "up", "up"]),
      class: vectorFromArray(["car", "car", "car"]),
      count: vectorFromArray([1n, 2n, 2n ** 60n], new Int64()),
    });
    const errors = await columnar
      .ingestArrow("traffic", tableToIPC(table, "stream"), { batchId: "range" })
      .catch((e: ValidationError) => e.errors);
    expect(errors).toEqual([
      { row: 2, field: "ts", message: "expected ISO-8601 time, got 9000000000000000" },
      { row: 3, field: "count", message: "expected an integer, got 1152921504606847000" },
    ]);
  });

  it("survives corrupted Arrow bytes: every outcome is a parse error, a validation error or a write", async () => {
    const good = generatedIpc("traffic", 2);
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const bytes = good.slice();
      for (let f = 1 + Math.floor(rand() * 30); f > 0; f--)
        bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
      const kind = await columnar
        .ingestArrow("traffic", bytes, { batchId: `fuzz-${i}`, onBadRows: i % 2 ? "quarantine" : "reject" })
        .then(
          () => "written",
          (e: Error) => e.name,
        );
      outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1);
    }
    expect([...outcomes.keys()].sort()).toEqual(["ParseError", "ValidationError", "written"]);
    expect(await columnar.count("traffic")).toBeGreaterThan(0);
  });
});
