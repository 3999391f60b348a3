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

/** One column's way from the two tables' types to the spliced table's. */
interface ColumnPlan {
  readonly type: DataType;
  readonly fromPrev: (d: Data) => Data;
  readonly fromNext: (d: Data) => Data;
}

const same = (d: Data) => d;

/** Text column: `prev` dictionary-encoded, `next` dictionary-encoded or plain. */
function dictionaryPlan(prevData: readonly Data[], nextData: readonly Data[], id: number): ColumnPlan | null {
  const dictionary = prevData[0]?.dictionary;
  if (!dictionary || prevData.some((d) => d.dictionary !== dictionary)) return null;
  const values: (string | null)[] = dictionary.toArray() as (string | null)[];
  const codeOf = new Map<string | null, number>(values.map((v, i) => [v, i]));
  const code = (v: string | null) => {
    let c = codeOf.get(v);
    if (c === undefined) codeOf.set(v, (c = values.push(v) - 1));
    return c;
  };
  // Each next batch's values as codes of the merged dictionary (new values appended).
  const nextCodes = nextData.map((d) => {
    const out = new Int32Array(d.length);
    if (d.type.typeId === Type.Dictionary) {
      const lut = ((d.dictionary as Vector).toArray() as (string | null)[]).map(code);
      const idx = d.values as Indices;
      for (let i = 0; i < d.length; i++) out[i] = lut[idx[i] as number] ?? 0;
    } else {
      const v = makeVector(d);
      for (let i = 0; i < d.length; i++) out[i] = v.isValid(i) ? code(v.get(i) as string) : 0;
    }
    return out;
  });
  const { type: indexType, array } = indicesFor(values.length);
  const type = new Dictionary(new Utf8(), indexType, id);
  const merged = vectorFromArray(values, new Utf8());
  const rewrap = (d: Data, data: Indices) =>
    makeData({
      type,
      offset: d.offset,
      length: d.length,
      nullCount: d.nullCount,
      ...(d.nullBitmap && { nullBitmap: d.nullBitmap }),
      data,
      dictionary: merged,
    }) as Data;
  const prevArray = (prevData[0]?.values as Indices).constructor;
  let k = 0;
  return {
    type,
    fromPrev: (d) => rewrap(d, prevArray === array ? (d.values as Indices) : new array(d.values as Indices)),
    fromNext: (d) => rewrap(d, new array(nextCodes[k++] as Int32Array)),
  };
}

/** Text column: `prev` plain, `next` dictionary-encoded: decoded to plain. */
function plainPlan(): ColumnPlan {
  return {
    type: new Utf8(),
    fromPrev: same,
    fromNext: (d) =>
      vectorFromArray(makeVector(d).toArray() as (string | null)[], new Utf8()).data[0] as Data,
  };
}

/**
 * Rows `[0, lo)` of `prev`, then every row of `next`, then rows `[hi, …)` of `prev`, as one table
 * in `prev`'s column types: a dictionary column keeps `prev`'s dictionary (so `prev`'s indices
 * stay valid) with `next`'s new values appended, and every batch shares it. Null when the two
 * tables do not have the same columns and types.
 */
export function spliceTables(prev: Table, lo: number, hi: number, next: Table): Table | null {
  const pf = prev.schema.fields;
  const nf = next.schema.fields;
  if (pf.length !== nf.length || pf.some((f, i) => f.name !== nf[i]?.name)) return null;
  const head = prev.slice(0, lo).batches.filter((b) => b.numRows > 0);
  const tail = prev.slice(hi).batches.filter((b) => b.numRows > 0);
  const nextBatches = next.batches.filter((b) => b.numRows > 0);
  const plans: ColumnPlan[] = [];
  for (let c = 0; c < pf.length; c++) {
    const [pt, nt] = [pf[c]?.type as DataType, nf[c]?.type as DataType];
    const isText = (t: DataType) =>
      t.typeId === Type.Utf8 || (t.typeId === Type.Dictionary && String(t).endsWith("Utf8>"));
    const prevData = prev.batches.map((b) => b.data.children[c] as Data);
    const nextData = nextBatches.map((b) => b.data.children[c] as Data);
    let plan: ColumnPlan | null;
    if (isText(pt) && isText(nt)) {
      plan =
        pt.typeId === Type.Dictionary
          ? prevData.length > 0
            ? dictionaryPlan(prevData, nextData, c)
            : null
          : nt.typeId === Type.Dictionary
            ? plainPlan()
            : { type: pt, fromPrev: same, fromNext: same };
    } else plan = String(pt) === String(nt) ? { type: pt, fromPrev: same, fromNext: same } : null;
    if (!plan) return null;
    plans.push(plan);
  }
  const schema = new Schema(pf.map((f, c) => new Field(f.name, plans[c]?.type as DataType, f.nullable)));
  const batch = (b: RecordBatch, from: "fromPrev" | "fromNext") =>
    new RecordBatch(
      schema,
      makeData({
        type: new Struct(schema.fields),
        length: b.numRows,
        nullCount: 0,
        children: b.data.children.map((d, c) => (plans[c] as ColumnPlan)[from](d)),
      }),
    );
  // Next batches are mapped in order (dictionary plans count them).
  const middle = nextBatches.map((b) => batch(b, "fromNext"));
  const batches = [
    ...head.map((b) => batch(b, "fromPrev")),
    ...middle,
    ...tail.map((b) => batch(b, "fromPrev")),
  ];
  return batches.length > 0 ? new Table(schema, batches) : new Table(schema);
}
