import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { tableFromIPC, tableToIPC, Type } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BATCH_ROWS, queryToArrow } from "./arrow-from-duckdb.ts";
import { varcharData, vectorItems, vectorValidity } from "./duckdb-vector-buffers.ts";

let instance: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  conn = await instance.connect();
});
afterAll(() => {
  conn.closeSync();
  instance.closeSync();
});

/** What the per-value path of @duckdb/node-api reads, in the JS values Arrow rows give back. */
async function reference(sql: string): Promise<Record<string, unknown>[]> {
  const reader = await conn.runAndReadAll(sql);
  const names = reader.columnNames();
  return reader.getRows().map((row) =>
    Object.fromEntries(
      row.map((v, i) => {
        let x: unknown = v;
        if (typeof v === "bigint") x = Number(v);
        else if (v && typeof v === "object" && "micros" in v)
          x = Number((v as { micros: bigint }).micros / 1000n);
        else if (v && typeof v === "object" && "days" in v) x = (v as { days: number }).days * 86_400_000;
        return [names[i], x];
      }),
    ),
  );
}

// Every type the converter maps, NULLs every 7th row, strings inline (≤ 12 bytes) and not,
// repeated and unique, times before 1970: over several chunks and two record batches.
const MIXED = `SELECT
    CASE WHEN i % 7 = 0 THEN NULL ELSE i * 0.5 END::DOUBLE AS d,
    CASE WHEN i % 7 = 1 THEN NULL ELSE (i % 1000) - 500 END::INTEGER AS i32,
    CASE WHEN i % 7 = 2 THEN NULL ELSE (i % 100)::SMALLINT END AS i16,
    CASE WHEN i % 7 = 3 THEN NULL ELSE 9007199254740000 + i END::BIGINT AS big,
    CASE WHEN i % 7 = 4 THEN NULL ELSE DATE '1969-12-01' + (i % 400)::INTEGER END AS day,
    CASE WHEN i % 7 = 5 THEN NULL ELSE TIMESTAMP '1969-12-31 23:00:00.123' + to_microseconds(i * 1001) END AS ts,
    CASE WHEN i % 7 = 6 THEN NULL ELSE i % 3 = 0 END AS flag,
    CASE WHEN i % 7 = 0 THEN NULL ELSE ['electricity', 'water', '', '潼南区桂林街道办事处', 'gas'][i % 5 + 1] END AS carrier,
    'E' || lpad((i % 300)::VARCHAR, 4, '0') AS enterprise_id,
    'row number ' || i || ' of a long text' AS unique_text
  FROM range(${BATCH_ROWS + 5000}) t(i) ORDER BY i`;

describe("queryToArrow", () => {
  it("gives the values the per-value reader gives, nulls included, over several batches", async () => {
    const table = await queryToArrow(conn, MIXED);
    expect(table.numRows).toBe(BATCH_ROWS + 5000);
    expect(table.batches.map((b) => b.numRows)).toEqual([BATCH_ROWS, 5000]);
    const want = await reference(MIXED);
    const got = table.toArray().map((r) => r.toJSON());
    for (let i = 0; i < want.length; i += 997) expect([i, got[i]]).toEqual([i, want[i]]);
    expect(got.at(-1)).toEqual(want.at(-1));
    // Spot checks of what the reference itself could get wrong.
    // 1969-12-31 23:00:00.129006 → −3,599,870.994 ms, truncated toward zero like BigInt division.
    expect(got[6]?.ts).toBe(-3_599_870);
    expect(got[3]?.big).toBeNull();
    expect(got[11]?.big).toBe(9007199254740011);
  });

  it("dictionary-encodes repeated text and keeps unique text plain; IPC round-trips", async () => {
    const table = await queryToArrow(conn, MIXED);
    const type = (name: string) => table.schema.fields.find((f) => f.name === name)?.type;
    expect(type("carrier")?.typeId).toBe(Type.Dictionary);
    expect(String(type("carrier"))).toBe("Dictionary<Int8, Utf8>");
    expect(String(type("enterprise_id"))).toBe("Dictionary<Int16, Utf8>");
    expect(type("unique_text")?.typeId).toBe(Type.Utf8);
    expect(String(type("ts"))).toBe("Timestamp<MILLISECOND>");
    expect(String(type("day"))).toBe("Date32<DAY>");
    expect(String(type("i16"))).toBe("Int32");
    expect(String(type("big"))).toBe("Float64");
    const back = tableFromIPC(tableToIPC(table, "stream"));
    expect(back.getChild("carrier")?.toArray().slice(0, 6)).toEqual([
      null,
      "water",
      "",
      "潼南区桂林街道办事处",
      "gas",
      "electricity",
    ]);
    expect(back.getChild("enterprise_id")?.get(BATCH_ROWS + 4999)).toBe(
      `E${String((BATCH_ROWS + 4999) % 300).padStart(4, "0")}`,
    );
  });

  it("returns an empty table with the query's columns", async () => {
    const t = await queryToArrow(conn, "SELECT 1.5::DOUBLE AS x, 'a' AS s WHERE false");
    expect(t.numRows).toBe(0);
    expect(t.schema.fields.map((f) => `${f.name}: ${f.type}`)).toEqual(["x: Float64", "s: Utf8"]);
  });
});

describe("duckdb-vector-buffers", () => {
  // The bulk copy reads fields @duckdb/node-api does not promise; this fails if an upgrade moves them.
  it("finds the memory behind DOUBLE, INTEGER, TIMESTAMP and VARCHAR vectors, and their masks", async () => {
    const result = await conn.stream(
      "SELECT CASE WHEN i = 1 THEN NULL ELSE i END::DOUBLE AS d, i::INTEGER AS n, TIMESTAMP '2026-01-01' AS ts, 'x' AS s FROM range(10) t(i)",
    );
    const chunk = await result.fetchChunk();
    if (!chunk) throw new Error("no chunk");
    expect(vectorItems(chunk.getColumnVector(0), Float64Array)?.[2]).toBe(2);
    expect(vectorItems(chunk.getColumnVector(1), Int32Array)?.[3]).toBe(3);
    expect(vectorItems(chunk.getColumnVector(2), BigInt64Array)?.[0]).toBe(
      BigInt(Date.UTC(2026, 0, 1)) * 1000n,
    );
    expect(varcharData(chunk.getColumnVector(3))?.getUint32(0, true)).toBe(1);
    const mask = vectorValidity(chunk.getColumnVector(0));
    expect(mask instanceof Uint8Array && (mask[0] as number) & 0b11).toBe(0b01);
    expect(vectorValidity(chunk.getColumnVector(1))).toBe("all-valid");
  });
});
