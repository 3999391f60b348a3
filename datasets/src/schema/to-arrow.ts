import {
  Bool,
  DateDay,
  Dictionary,
  Field,
  Float64,
  Int32,
  RecordBatch,
  Schema,
  Struct,
  TimestampMillisecond,
  Utf8,
  makeData,
  vectorFromArray,
  type DataType,
  type Data,
} from "apache-arrow";
import type { Fields, StreamDef } from "./define-stream.ts";
import type { FieldDef } from "./field.ts";
import { isDictColumn, type Column, type ColumnBatch } from "./column-batch.ts";

const DAY_MS = 86_400_000;

/** The Arrow type a field is written as. Dictionary ids are stable per field (column index). */
export function arrowType(def: FieldDef, id: number): DataType {
  switch (def.kind) {
    case "timestamp":
      return new TimestampMillisecond();
    case "date":
      return new DateDay();
    case "int":
      return new Int32();
    case "float":
      return new Float64();
    case "bool":
      return new Bool();
    case "string":
    case "enum":
      return def.dictionary ? new Dictionary(new Utf8(), new Int32(), id) : new Utf8();
  }
}

/** The Arrow schema of a stream. */
export function arrowSchema<F extends Fields>(stream: StreamDef<string, F>): Schema {
  const fields = Object.entries(stream.fields).map(
    ([name, def], i) => new Field(name, arrowType(def, i), def.nullable),
  );
  return new Schema(fields, new Map([["stream", stream.name]]));
}

function dateDays(c: Column, n: number): Int32Array {
  if (c instanceof Int32Array) return c;
  const out = new Int32Array(n);
  const src = c as ArrayLike<string>;
  for (let i = 0; i < n; i++) out[i] = Math.round(Date.parse(`${src[i]}T00:00:00Z`) / DAY_MS);
  return out;
}

function columnData(type: DataType, def: FieldDef, c: Column, n: number): Data {
  if (type instanceof Dictionary) {
    if (isDictColumn(c)) {
      const dictionary = vectorFromArray(c.dictionary as string[], new Utf8());
      return makeData({ type, length: n, data: c.codes, dictionary });
    }
    return vectorFromArray(c as (string | null)[], type).data[0] as Data;
  }
  if (isDictColumn(c))
    throw new Error(`field "${def.doc}": dictionary column given for a non-dictionary field`);
  if (type instanceof TimestampMillisecond && !def.nullable) {
    const src = c as ArrayLike<number>;
    const data = new BigInt64Array(n);
    for (let i = 0; i < n; i++) data[i] = BigInt(Math.round(src[i] as number));
    return makeData({ type, length: n, data });
  }
  if (type instanceof DateDay && !def.nullable) return makeData({ type, length: n, data: dateDays(c, n) });
  if (type instanceof Float64 && c instanceof Float64Array) return makeData({ type, length: n, data: c });
  if (type instanceof Int32 && c instanceof Int32Array) return makeData({ type, length: n, data: c });
  const values = Array.from(c as ArrayLike<unknown>);
  return vectorFromArray(values, type).data[0] as Data;
}

/** Builds one Arrow record batch of a stream from a columnar batch. */
export function toRecordBatch<F extends Fields>(
  stream: StreamDef<string, F>,
  batch: ColumnBatch,
): RecordBatch {
  const schema = arrowSchema(stream);
  const children = schema.fields.map((field) => {
    const c = batch.columns[field.name];
    if (c === undefined) throw new Error(`stream "${stream.name}": batch lacks column "${field.name}"`);
    return columnData(field.type, stream.fields[field.name] as FieldDef, c, batch.length);
  });
  const data = makeData({ type: new Struct(schema.fields), length: batch.length, children, nullCount: 0 });
  return new RecordBatch(schema, data);
}
