import { Buffer } from "node:buffer";
import { DataType, Type, Vector, type Data, type Table } from "apache-arrow";
import type { Fields, StreamDef } from "@citybrain/datasets";
import { checkColumns, type CheckedColumns } from "./checked-columns.ts";
import { arrowValue } from "./parse-arrow.ts";

/** Reads the value at a row of one record batch's column, as `parseArrow` would put it in a record. */
type Reader = (row: number) => unknown;

const TWO_32 = 4_294_967_296;

/** A reader straight over the column's buffers for the common types; `Vector.get` for the rest. */
function readerOf(data: Data): Reader {
  const valid: (row: number) => boolean = data.nullCount > 0 ? (row) => data.getValid(row) : () => true;
  const typeId = data.type.typeId;
  const values = data.values as unknown;
  // Utf8: decode straight from the value bytes.
  if (typeId === Type.Utf8 && values instanceof Uint8Array && data.valueOffsets instanceof Int32Array) {
    const bytes = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
    const offsets = data.valueOffsets;
    return (row) => (valid(row) ? bytes.toString("utf8", offsets[row], offsets[row + 1]) : null);
  }
  // Dictionary of Utf8: decode each dictionary entry once.
  if (DataType.isDictionary(data.type) && data.dictionary && DataType.isUtf8(data.type.dictionary)) {
    const dictionary = data.dictionary.toArray() as (string | null)[];
    const indices = values as ArrayLike<number | bigint>;
    if (indices instanceof BigInt64Array || indices instanceof BigUint64Array)
      return (row) => (valid(row) ? (dictionary[Number(indices[row])] ?? null) : null);
    return (row) => (valid(row) ? (dictionary[indices[row] as number] ?? null) : null);
  }
  // 8–32-bit integers and 32/64-bit floats: plain typed arrays.
  if (
    (DataType.isInt(data.type) && data.type.bitWidth <= 32) ||
    (DataType.isFloat(data.type) && data.type.precision !== 0)
  ) {
    const nums = values as ArrayLike<number>;
    return (row) => (valid(row) ? nums[row] : null);
  }
  // Timestamps in milliseconds (how the generators write them): two 32-bit halves, no BigInt.
  if (
    DataType.isTimestamp(data.type) &&
    data.type.unit === 1 /* TimeUnit.MILLISECOND */ &&
    values instanceof BigInt64Array
  ) {
    const halves = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
    return (row) => (valid(row) ? halves[2 * row + 1]! * TWO_32 + (halves[2 * row]! >>> 0) : null);
  }
  const vector = new Vector([data]);
  return (row) => arrowValue(vector, row);
}

/**
 * Checks a decoded Arrow table column by column (no record per row). Values are read as
 * `parseArrow` reads them and go through the same checks as records, so the errors equal those
 * of `validateRows(parseArrow(bytes))`, unknown columns included.
 */
export function checkArrowTable<F extends Fields>(
  stream: StreamDef<string, F>,
  table: Table,
): CheckedColumns {
  const names = Object.keys(stream.fields);
  // A record from parseArrow holds the last column of a name; its keys are the first-seen order.
  const columnOf = new Map<string, number>();
  const seen: string[] = [];
  table.schema.fields.forEach((f, i) => {
    if (!columnOf.has(f.name)) seen.push(f.name);
    columnOf.set(f.name, i);
  });
  const unknown = seen.filter((n) => !(n in stream.fields));
  const fieldColumns = names.map((n) => columnOf.get(n));

  // Global row → (batch, local row): batches are visited in order, so keep a cursor.
  const starts: number[] = [];
  let total = 0;
  for (const b of table.batches) {
    starts.push(total);
    total += b.numRows;
  }
  let batch = -1;
  let batchStart = 0;
  let batchEnd = 0;
  let readers: (Reader | null)[] = [];
  const seek = (row: number) => {
    while (row >= batchEnd) {
      batch++;
      const b = table.batches[batch]!;
      batchStart = starts[batch]!;
      batchEnd = batchStart + b.numRows;
      readers = fieldColumns.map((c) => {
        if (c === undefined) return null;
        const data = b.getChildAt(c)?.data[0];
        return data ? readerOf(data) : null;
      });
    }
  };
  return checkColumns(
    stream,
    total,
    (f, row) => {
      if (row >= batchEnd) seek(row);
      const read = readers[f];
      return read ? read(row - batchStart) : undefined;
    },
    (row, push) => {
      for (const name of unknown)
        push({ row: row + 1, field: name, message: `unknown field for stream "${stream.name}"` });
    },
  );
}
