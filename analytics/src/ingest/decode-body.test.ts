import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Table, tableToIPC } from "apache-arrow";
import { credit, toRecordBatch } from "@citybrain/datasets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBStore } from "../store/duckdb-store.ts";
import { decodeBody, formatFromFileName } from "./decode-body.ts";
import type { ParseError } from "./parse-error.ts";
import { parseCsv } from "./parse-csv.ts";

const CREDIT_CSV = [
  "month,enterprise_id,town_code,rating,red_list,black_list,queries,joint_rewards,joint_punishments",
  "2026-01-01,ENT-0001,500152001,A,1,0,12,1,0",
  '2026-01-01,"ENT-0002",500152002,C,0,2,3,0,1',
].join("\r\n");

const expectedRows = [
  { month: "2026-01-01", enterprise_id: "ENT-0001", rating: "A", queries: 12, black_list: 0 },
  { month: "2026-01-01", enterprise_id: "ENT-0002", rating: "C", queries: 3, black_list: 2 },
];

async function ingestAndRead(store: DuckDBStore, records: unknown[], batchId: string) {
  await store.exec("DELETE FROM credit");
  await store.ingest("credit", records, { batchId });
  return store.query(
    "SELECT strftime(month, '%Y-%m-%d') AS month, enterprise_id, rating, queries, black_list FROM credit ORDER BY enterprise_id",
  );
}

describe("decodeBody", () => {
  let store: DuckDBStore;
  beforeAll(async () => {
    store = await DuckDBStore.open({ path: ":memory:" });
  });
  afterAll(() => store.close());

  it("reads CSV (quotes, CRLF, BOM) into the same rows as every other format", async () => {
    const csv = await decodeBody("csv", new TextEncoder().encode(`\ufeff${CREDIT_CSV}`));
    expect(await ingestAndRead(store, csv, "csv")).toEqual(expectedRows);

    const ndjson = (csv as Record<string, string>[]).map((r) => JSON.stringify(r)).join("\n");
    const fromNd = await decodeBody("ndjson", new TextEncoder().encode(ndjson));
    expect(await ingestAndRead(store, fromNd, "nd")).toEqual(expectedRows);

    const batch = toRecordBatch(credit, {
      length: 2,
      columns: {
        month: ["2026-01-01", "2026-01-01"],
        enterprise_id: ["ENT-0001", "ENT-0002"],
        town_code: ["500152001", "500152002"],
        rating: ["A", "C"],
        red_list: [1, 0],
        black_list: [0, 2],
        queries: [12, 3],
        joint_rewards: [1, 0],
        joint_punishments: [0, 1],
      },
    });
    const fromArrow = await decodeBody("arrow", tableToIPC(new Table([batch]), "stream"));
    expect(await ingestAndRead(store, fromArrow, "arrow")).toEqual(expectedRows);

    const dir = await mkdtemp(join(tmpdir(), "pq-"));
    const file = join(dir, "credit.parquet");
    await store.exec(`COPY credit TO '${file}' (FORMAT parquet)`);
    const fromParquet = await decodeBody("parquet", await readFile(file));
    expect(await ingestAndRead(store, fromParquet, "parquet")).toEqual(expectedRows);
  });

  it("names the row when a body cannot be decoded", async () => {
    await expect(decodeBody("ndjson", new TextEncoder().encode('{"a":1}\n{oops'))).rejects.toThrow(
      /^row 2: not valid JSON/,
    );
    expect(() => parseCsv("a,b\n1,2\n3")).toThrow(/^row 2: expected 2 cells as in the header, got 1$/);
    try {
      parseCsv("a,b\n1,2\n3");
    } catch (e) {
      expect((e as ParseError).row).toBe(2);
    }
    expect(() => parseCsv('a\n"open')).toThrow(/unterminated quoted field/);
    await expect(decodeBody("arrow", new Uint8Array([1, 2, 3]))).rejects.toThrow(/not an Arrow IPC/);
    await expect(decodeBody("parquet", new Uint8Array([1, 2, 3]))).rejects.toThrow(/not a readable Parquet/);
  });

  it("maps file names to formats", () => {
    expect(formatFromFileName("x.JSONL")).toBe("ndjson");
    expect(formatFromFileName("energy.arrows")).toBe("arrow");
    expect(formatFromFileName("notes.txt")).toBeNull();
  });
});
