import {
  Dictionary,
  Field,
  Int16,
  Int32,
  Int8,
  RecordBatch,
  Schema,
  Struct,
  Table,
  Type,
  Utf8,
  makeData,
  makeVector,
  vectorFromArray,
  type Data,
  type DataType,
  type Vector,
} from "apache-arrow";

type Indices = Int8Array | Int16Array | Int32Array;

/** Signed index type and array of a dictionary with `n` values (as queryToArrow picks them). */
function indicesFor(n: number): { type: Int8 | Int16 | Int32; array: new (a: ArrayLike<number>) => Indices } {
  if (n <= 0x7f) return { type: new Int8(), array: Int8Array };
  if (n <= 0x7fff) return { type: new Int16(), array: Int16Array };
  return { type: new Int32(), array: Int32Array };
}

const isText = (t: DataType) =>
  t.typeId === Type.Utf8 || (t.typeId === Type.Dictionary && String(t).endsWith("Utf8>"));

/** How one column's data of every piece becomes the concatenated table's. */
interface ColumnPlan {
  readonly type: DataType;
  /** Maps one piece's data of this column. */
  readonly map: (d: Data) => Data;
}

/**
 * A text column kept dictionary-encoded: the first dictionary met comes first, so the pieces
 * that share it keep their indices (widened if the dictionary outgrows them); the other pieces'
 * values are appended and their rows mapped through a lookup table (or encoded, when plain).
 */
function dictionaryPlan(pieces: readonly (readonly Data[])[], id: number): ColumnPlan | null {
  const reference = pieces.flat().find((d) => d.dictionary)?.dictionary;
  if (!reference) return null;
  const values = reference.toArray() as (string | null)[];
  const codeOf = new Map<string | null, number>(values.map((v, i) => [v, i]));
  const code = (v: string | null) => {
    let c = codeOf.get(v);
    if (c === undefined) codeOf.set(v, (c = values.push(v) - 1));
    return c;
  };
  // Rows of data not coded against the reference, as codes of the merged dictionary.
  const luts = new Map<Vector, number[]>();
  const recoded = new Map<Data, Int32Array>();
  for (const d of pieces.flat()) {
    if (d.dictionary === reference) continue;
    const out = new Int32Array(d.length);
    if (d.type.typeId === Type.Dictionary) {
      const dict = d.dictionary as Vector;
      let lut = luts.get(dict);
      if (!lut) luts.set(dict, (lut = (dict.toArray() as (string | null)[]).map(code)));
      const idx = d.values as Indices;
      for (let i = 0; i < d.length; i++) out[i] = lut[idx[i] as number] ?? 0;
    } else {
      const v = makeVector(d);
      for (let i = 0; i < d.length; i++) out[i] = v.isValid(i) ? code(v.get(i) as string) : 0;
    }
    recoded.set(d, out);
  }
  const { type: indexType, array } = indicesFor(values.length);
  const type = new Dictionary(new Utf8(), indexType, id);
  const merged = vectorFromArray(values, new Utf8());
  return {
    type,
    map: (d) => {
      const own = recoded.get(d) ?? (d.values as Indices);
      const data = own.constructor === array && !recoded.has(d) ? own : new array(own);
      return makeData({
        type,
        offset: d.offset,
        length: d.length,
        nullCount: d.nullCount,
        ...(d.nullBitmap && { nullBitmap: d.nullBitmap }),
        data,
        dictionary: merged,
      }) as Data;
    },
  };
}

/** A text column kept plain: dictionary-encoded pieces are decoded. */
const plainPlan: ColumnPlan = {
  type: new Utf8(),
  map: (d) =>
    d.type.typeId === Type.Dictionary
      ? (vectorFromArray(makeVector(d).toArray() as (string | null)[], new Utf8()).data[0] as Data)
      : d,
};

/**
 * The rows of `pieces`, in order, as one table in the first piece's column types: a
 * dictionary column keeps the first piece's dictionary (its indices stay valid) with the other
 * pieces' new values appended, and every batch shares it, so an IPC stream carries it once.
 * Null when the pieces do not have the same columns and types.
 */
export function concatTables(pieces: readonly Table[]): Table | null {
  const head = pieces[0];
  if (!head) return null;
  const fields = head.schema.fields;
  for (const p of pieces) {
    const pf = p.schema.fields;
    if (pf.length !== fields.length || pf.some((f, i) => f.name !== fields[i]?.name)) return null;
  }
  const batches = pieces.map((p) => p.batches.filter((b) => b.numRows > 0));
  const plans: ColumnPlan[] = [];
  for (let c = 0; c < fields.length; c++) {
    const type = fields[c]?.type as DataType;
    const types = pieces.map((p) => p.schema.fields[c]?.type as DataType);
    const data = batches.map((bs) => bs.map((b) => b.data.children[c] as Data));
    let plan: ColumnPlan | null;
    if (types.every(isText)) {
      plan = type.typeId !== Type.Dictionary ? plainPlan : dictionaryPlan(data, c);
    } else plan = types.every((t) => String(t) === String(type)) ? { type, map: (d) => d } : null;
    if (!plan) return null;
    plans.push(plan);
  }
  const schema = new Schema(fields.map((f, c) => new Field(f.name, plans[c]?.type as DataType, f.nullable)));
  const out = batches.flatMap((bs) =>
    bs.map(
      (b) =>
        new RecordBatch(
          schema,
          makeData({
            type: new Struct(schema.fields),
            length: b.numRows,
            nullCount: 0,
            children: b.data.children.map((d, c) => (plans[c] as ColumnPlan).map(d)),
          }),
        ),
    ),
  );
  return out.length > 0 ? new Table(schema, out) : new Table(schema);
}

/**
 * Rows `[0, lo)` of `prev`, then every row of `next`, then rows `[hi, …)` of `prev`, as one table
 * in `prev`'s column types (see {@link concatTables}).
 */
export function spliceTables(prev: Table, lo: number, hi: number, next: Table): Table | null {
  return concatTables([prev.slice(0, lo), next, prev.slice(hi)]);
}
