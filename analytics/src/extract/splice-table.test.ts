import {
  Dictionary,
  Int16,
  Int8,
  Table,
  Utf8,
  makeData,
  makeVector,
  tableFromIPC,
  tableToIPC,
  vectorFromArray,
} from "apache-arrow";
import { describe, expect, it } from "vitest";
import { concatTables, spliceTables } from "./splice-table.ts";

/** A one-column table of `values`, dictionary-encoded with its own dictionary or plain. */
function table(values: (string | null)[], dictionary: boolean): Table {
  if (!dictionary) return new Table({ s: vectorFromArray(values, new Utf8()) });
  const distinct = [...new Set(values.filter((v) => v !== null))];
  const wide = distinct.length > 127;
  const type = new Dictionary(new Utf8(), wide ? new Int16() : new Int8(), 0);
  const valid = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => v !== null && (valid[i >> 3] = (valid[i >> 3] as number) | (1 << (i & 7))));
  const data = makeData({
    type,
    length: values.length,
    nullCount: values.filter((v) => v === null).length,
    nullBitmap: valid,
    data: (wide ? Int16Array : Int8Array).from(values.map((v) => (v === null ? 0 : distinct.indexOf(v)))),
    dictionary: vectorFromArray(distinct, new Utf8()),
  });
  return new Table({ s: makeVector(data) });
}

const strings = (t: Table) => tableFromIPC(tableToIPC(t, "stream")).getChild("s")?.toArray();

describe("concatTables", () => {
  it("keeps the first piece's dictionary and appends the others' values, plain pieces too", () => {
    const t = concatTables([
      table(["a", null, "b"], true),
      table(["c", "a"], false),
      table(["d", null, "b"], true),
    ]);
    expect(String(t?.schema.fields[0]?.type)).toBe("Dictionary<Int8, Utf8>");
    expect(strings(t as Table)).toEqual(["a", null, "b", "c", "a", "d", null, "b"]);
    // One dictionary for every batch: written once in the stream.
    const dicts = new Set(t?.batches.map((b) => b.data.children[0]?.dictionary));
    expect(dicts.size).toBe(1);
    expect(t?.batches[0]?.data.children[0]?.dictionary?.toArray()).toEqual(["a", "b", "c", "d"]);
  });

  it("decodes dictionary pieces when the first piece is plain, and widens indices past 127 values", () => {
    expect(String(concatTables([table(["x"], false), table(["y", "x"], true)])?.schema.fields[0]?.type)).toBe(
      "Utf8",
    );
    const many = Array.from({ length: 200 }, (_, i) => `v${i}`);
    const t = concatTables([table(["v0"], true), table(many, true)]);
    expect(String(t?.schema.fields[0]?.type)).toBe("Dictionary<Int16, Utf8>");
    expect(strings(t as Table)).toEqual(["v0", ...many]);
  });

  it("splices rows between a previous table's, and refuses other columns", () => {
    const prev = table(["a", "b", "c", "d"], true);
    expect(strings(spliceTables(prev, 1, 3, table(["x", "b"], true)) as Table)).toEqual(["a", "x", "b", "d"]);
    expect(concatTables([prev, new Table({ other: vectorFromArray(["a"]) })])).toBeNull();
  });
});
