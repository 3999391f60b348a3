import {
  INT32_MAX,
  INT32_MIN,
  MAX_TIME_MS,
  parseValue,
  showValue,
  type FieldDef,
  type Fields,
  type RowError,
  type StreamDef,
} from "@citybrain/datasets";

/** The code of a null in a dictionary-coded column. */
export const NULL_CODE = 0xffff_ffff;

/** A checked column of numbers: timestamps (epoch ms), ints, floats, bools (1/0). NaN is null. */
export interface NumberColumn {
  readonly name: string;
  readonly def: FieldDef;
  readonly numbers: Float64Array;
}

/** A checked column of text (strings, enums, dates) as codes into a dictionary; {@link NULL_CODE} is null. */
export interface CodedColumn {
  readonly name: string;
  readonly def: FieldDef;
  readonly codes: Uint32Array;
  readonly dictionary: readonly string[];
}

export type CheckedColumn = NumberColumn | CodedColumn;

/**
 * A validated batch held column by column: only the good rows, in input order. The rules and
 * messages are those of `validateRows` (every value that is not on a fast path goes through the
 * same `parseValue`), so a batch gets the same errors whichever path checks it.
 */
export interface CheckedColumns {
  /** Good rows. */
  readonly length: number;
  /** One per stream field, in field order. */
  readonly columns: readonly CheckedColumn[];
  /** Every error, by input row (1-based) then field order. */
  readonly errors: readonly RowError[];
  /** Input rows with at least one error. */
  readonly badRows: number;
  /** Epoch-ms range of the time field over the good rows (dates count from their UTC midnight). */
  readonly timeRange: readonly [number, number] | null;
}

export function isCoded(c: CheckedColumn): c is CodedColumn {
  return "codes" in c;
}

const NUMBER = 0;
const INT = 1;
const TIME = 2;
const BOOL = 3;
const TEXT = 4;

/** One field's growing column. Bad rows write into the slot the next row overwrites. */
class FieldSink {
  readonly kind: number;
  numbers: Float64Array | null = null;
  codes: Uint32Array | null = null;
  readonly dict = new Map<string, number>();
  readonly values: string[] = [];
  readonly min: number;
  readonly max: number;

  constructor(
    readonly name: string,
    readonly def: FieldDef,
    capacity: number,
  ) {
    const k = def.kind;
    this.kind =
      k === "float" ? NUMBER : k === "int" ? INT : k === "timestamp" ? TIME : k === "bool" ? BOOL : TEXT;
    if (this.kind === TEXT) this.codes = new Uint32Array(capacity);
    else this.numbers = new Float64Array(capacity);
    // Ints are 32-bit: their bounds are never wider than that (parseValue words the rest).
    this.min = this.kind === INT ? Math.max(def.min ?? -Infinity, INT32_MIN) : (def.min ?? -Infinity);
    this.max = this.kind === INT ? Math.min(def.max ?? Infinity, INT32_MAX) : (def.max ?? Infinity);
  }

  /** Stores `raw` at `slot`; returns the error message when it is not acceptable. */
  put(slot: number, raw: unknown): string | undefined {
    switch (this.kind) {
      case NUMBER:
      case INT:
        if (
          typeof raw === "number" &&
          Number.isFinite(raw) &&
          (this.kind === NUMBER || Number.isInteger(raw)) &&
          raw >= this.min &&
          raw <= this.max
        ) {
          this.numbers![slot] = raw;
          return undefined;
        }
        break;
      case TIME:
        if (typeof raw === "number" && Math.abs(raw) <= MAX_TIME_MS) {
          this.numbers![slot] = Math.round(raw);
          return undefined;
        }
        break;
      case BOOL:
        if (raw === true || raw === false) {
          this.numbers![slot] = raw ? 1 : 0;
          return undefined;
        }
        break;
      default:
        if (typeof raw === "string") {
          const code = this.dict.get(raw);
          if (code !== undefined) {
            this.codes![slot] = code;
            return undefined;
          }
        }
    }
    const r = parseValue(this.def, raw);
    if (!r.ok) return r.message;
    const v = r.value;
    if (this.kind === TEXT) {
      if (v === null) this.codes![slot] = NULL_CODE;
      else {
        const s = v as string;
        let code = this.dict.get(s);
        if (code === undefined) {
          code = this.values.length;
          this.dict.set(s, code);
          this.values.push(s);
        }
        this.codes![slot] = code;
      }
    } else if (v === null) this.numbers![slot] = NaN;
    else if (this.kind === BOOL) this.numbers![slot] = v ? 1 : 0;
    else if (this.kind === TIME) this.numbers![slot] = Math.round(v as number);
    else this.numbers![slot] = v as number;
    return undefined;
  }

  column(length: number): CheckedColumn {
    return this.codes
      ? {
          name: this.name,
          def: this.def,
          codes: this.codes.subarray(0, length),
          dictionary: this.values,
        }
      : { name: this.name, def: this.def, numbers: this.numbers!.subarray(0, length) };
  }
}

function timeRange(column: CheckedColumn | undefined, length: number): readonly [number, number] | null {
  if (!column || length === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  if (isCoded(column)) {
    const ms = column.dictionary.map((d) => Date.parse(`${d}T00:00:00Z`));
    for (let i = 0; i < length; i++) {
      const code = column.codes[i]!;
      if (code === NULL_CODE) continue;
      const v = ms[code]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  } else {
    for (let i = 0; i < length; i++) {
      const v = column.numbers[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/**
 * Reads one value per field per row and checks it. `read(f, i)` returns field `f`'s raw value
 * (as validateRows would see it) of input row `i`; `extraErrors(i)` reports the row's problems
 * outside the fields (an unknown field, a non-object row), in the order validateRows reports them.
 */
export function checkColumns<F extends Fields>(
  stream: StreamDef<string, F>,
  rowCount: number,
  read: (field: number, row: number) => unknown,
  extraErrors: (row: number, push: (e: RowError) => void) => void,
  firstRow = 1,
): CheckedColumns {
  const names = Object.keys(stream.fields);
  const sinks = names.map((n) => new FieldSink(n, stream.fields[n] as FieldDef, rowCount));
  const errors: RowError[] = [];
  // A row's problems outside its fields, gathered in one reused array: a clean row allocates nothing.
  const extra: RowError[] = [];
  const pushExtra = (e: RowError) => extra.push(e);
  let slot = 0;
  let badRows = 0;
  for (let i = 0; i < rowCount; i++) {
    extra.length = 0;
    extraErrors(i, pushExtra);
    if (extra[0]?.field === "*") {
      for (const e of extra) errors.push(e);
      badRows++;
      continue;
    }
    const before = errors.length;
    for (let f = 0; f < sinks.length; f++) {
      const message = sinks[f]!.put(slot, read(f, i));
      if (message !== undefined) errors.push({ row: firstRow + i, field: names[f]!, message });
    }
    for (const e of extra) errors.push(e);
    if (errors.length > before) badRows++;
    else slot++;
  }
  const columns = sinks.map((s) => s.column(slot));
  const time = columns[names.indexOf(stream.timeField)];
  return { length: slot, columns, errors, badRows, timeRange: timeRange(time, slot) };
}

/**
 * Checks raw records (objects from NDJSON, CSV, Arrow or code) column by column; the same rules,
 * messages and order as `validateRows`, without building a row object per record.
 */
export function checkRecords<F extends Fields>(
  stream: StreamDef<string, F>,
  records: readonly unknown[],
  firstRow = 1,
): CheckedColumns {
  const names = Object.keys(stream.fields);
  const known = new Set(names);
  const count = names.length;
  let rec: Record<string, unknown> = {};
  let recIndex = -1;
  return checkColumns(
    stream,
    records.length,
    (f, i) => {
      if (i !== recIndex) {
        rec = records[i] as Record<string, unknown>;
        recIndex = i;
      }
      return rec[names[f]!];
    },
    (i, push) => {
      const r = records[i];
      if (typeof r !== "object" || r === null || Array.isArray(r)) {
        push({ row: firstRow + i, field: "*", message: `expected an object, got ${showValue(r)}` });
        return;
      }
      const keys = Object.keys(r);
      // The common shape, exactly the fields in field order, has nothing unknown.
      if (keys.length === count && names.every((n, k) => keys[k] === n)) return;
      for (const k of keys) {
        if (!known.has(k))
          push({ row: firstRow + i, field: k, message: `unknown field for stream "${stream.name}"` });
      }
    },
    firstRow,
  );
}
