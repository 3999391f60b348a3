import { MessageHeader, MessageReader, tableFromIPC } from "apache-arrow";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ColumnBatch } from "../schema/index.ts";
import { alerts, cases, credit, energy } from "../streams/index.ts";
import { FORMAT_NAMES, FORMATS, writeStreamFile, type FormatName } from "./formats.ts";
import type { StreamShape } from "./stream-sink.ts";
import { expectedRows, readArrow, readCsv, readNdjson, readParquet } from "./read-back.test-util.ts";
import { alertsBatch, casesBatches, creditBatches, energyBatches } from "./sample-batches.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "citybrain-writers-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The dictionary messages (id, delta or not) and the number of record batches in IPC bytes. */
function dictionaryMessages(bytes: Uint8Array) {
  const reader = new MessageReader(bytes);
  const dictionaries: { id: number; isDelta: boolean }[] = [];
  let batches = 0;
  for (const message of reader) {
    if (message.isDictionaryBatch()) {
      const header = message.header();
      dictionaries.push({ id: Number(header.id), isDelta: header.isDelta });
    } else if (message.headerType === MessageHeader.RecordBatch) batches++;
    reader.readMessageBody(message.bodyLength);
  }
  return { dictionaries, batches };
}

const READERS: Record<FormatName, (s: StreamShape, p: string) => Promise<Record<string, unknown>[]>> = {
  arrow: readArrow,
  parquet: readParquet,
  csv: readCsv,
  ndjson: readNdjson,
};

const CASES: [string, StreamShape, () => ColumnBatch[]][] = [
  ["energy (dictionaries, several batches)", energy, () => [...energyBatches(5000, 1500, 40)]],
  ["alerts (quoting, Chinese, nulls of every kind)", alerts, () => [alertsBatch()]],
  ["credit (dates as days and as text, ints)", credit, creditBatches],
  ["cases (nullable time, growing dictionary)", cases, casesBatches],
];

describe.each(FORMAT_NAMES)("%s writer", (format) => {
  it.each(CASES)("round-trips %s", async (_, stream, batches) => {
    const path = join(dir, `${stream.name}-rt.${FORMATS[format].ext}`);
    const written = await writeStreamFile(stream, format, batches(), path);
    const expected = expectedRows(stream, batches());
    expect(written.rows).toBe(expected.length);
    expect(await READERS[format](stream, path)).toEqual(expected);
  });

  it("writes byte-identical files for the same input", async () => {
    const a = join(dir, `same-a.${FORMATS[format].ext}`);
    const b = join(dir, `same-b.${FORMATS[format].ext}`);
    const ra = await writeStreamFile(energy, format, energyBatches(20_000, 4096, 100), a);
    const rb = await writeStreamFile(energy, format, energyBatches(20_000, 4096, 100), b);
    const sha = async (p: string) =>
      createHash("sha256")
        .update(await readFile(p))
        .digest("hex");
    expect(ra.sha256).toBe(await sha(a));
    expect(rb.sha256).toBe(ra.sha256);
    expect(rb.bytes).toBe(ra.bytes);
  });

  it("leaves no partial file when the source throws midway", async () => {
    const sub = await mkdtemp(join(dir, `atomic-${format}-`));
    const path = join(sub, `energy.${FORMATS[format].ext}`);
    await writeFile(path, "previous contents");
    function* failing() {
      yield* energyBatches(3000, 1000, 10);
      throw new Error("generator failed");
    }
    await expect(writeStreamFile(energy, format, failing(), path)).rejects.toThrow("generator failed");
    expect(await readdir(sub)).toEqual([`energy.${FORMATS[format].ext}`]);
    expect(await readFile(path, "utf8")).toBe("previous contents");
  });

  it("names the row and field of a value it cannot write", async () => {
    const [good] = [...energyBatches(3, 3, 1)] as [ColumnBatch];
    const bad = {
      ...good,
      columns: { ...good.columns, meter_id: { codes: new Int32Array([0, 0, -1]), dictionary: ["M"] } },
    };
    const path = join(dir, `bad.${FORMATS[format].ext}`);
    await expect(writeStreamFile(energy, format, [good, bad], path)).rejects.toThrow(/meter_id/);
    if (format !== "arrow") {
      await expect(writeStreamFile(energy, format, [good, bad], path)).rejects.toThrow(/row 6/);
    }
    expect(await readdir(dir)).not.toContain(`bad.${FORMATS[format].ext}`);
  });
});

describe("arrow writer", () => {
  it("sends each field's dictionary once, and only new strings as deltas", async () => {
    const path = join(dir, "dicts.arrows");
    await writeStreamFile(energy, "arrow", energyBatches(6000, 1000, 50), path);
    const energyMessages = dictionaryMessages(await readFile(path));
    expect(energyMessages.batches).toBe(6);
    expect(energyMessages.dictionaries).toEqual([1, 2, 3, 4, 5].map((id) => ({ id, isDelta: false })));
    const casesPath = join(dir, "cases-delta.arrows");
    await writeStreamFile(cases, "arrow", casesBatches(), casesPath);
    const bytes = await readFile(casesPath);
    // app (1), category (2), town_code (3), status (8) once; then only app's new string.
    expect(dictionaryMessages(bytes).dictionaries).toEqual([
      { id: 1, isDelta: false },
      { id: 2, isDelta: false },
      { id: 3, isDelta: false },
      { id: 8, isDelta: false },
      { id: 1, isDelta: true },
    ]);
    const app = tableFromIPC(bytes).getChild("app");
    expect(app?.toArray()).toEqual(["城管随手拍", "城管随手拍", "环保随手拍", "城管随手拍"]);
  });

  it("writes a valid empty stream (schema only)", async () => {
    const path = join(dir, "empty.arrows");
    const r = await writeStreamFile(energy, "arrow", [], path);
    expect(r.rows).toBe(0);
    const table = tableFromIPC(await readFile(path));
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => f.name)).toEqual(Object.keys(energy.fields));
  });
});

describe("csv writer", () => {
  it("tells an empty string from a null: quoted empty vs nothing", async () => {
    const batch = { ...alertsBatch(), length: 1 };
    const path = join(dir, "empty-string.csv");
    const columns = { ...batch.columns, message: [""], actor: [null], evidence: [" x"] };
    await writeStreamFile(alerts, "csv", [{ length: 1, columns }], path);
    const line = (await readFile(path, "utf8")).split("\n")[1];
    expect(line).toBe(
      'A-1,2026-03-01T00:00:00.000Z,septic,septic.ch4.high,critical,SEP-001,500152001,105.84,30.19,""," x",open,2026-03-01T00:00:00.000Z,',
    );
  });
});
