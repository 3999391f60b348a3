/**
 * Columnar batches: how generators and importers hand rows around without building one object
 * per row. Text columns with few distinct values come as dictionary codes.
 */

/** Text column stored as codes into a shared dictionary (one dictionary for a whole stream). */
export interface DictColumn {
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
}

/**
 * One column's values. Timestamps: epoch ms (Float64Array or number[]). Dates: days since
 * 1970-01-01 (Int32Array) or "YYYY-MM-DD" strings. Nullable numbers: `(number | null)[]`.
 */
export type Column =
  | Float64Array
  | Int32Array
  | readonly number[]
  | readonly (number | null)[]
  | readonly string[]
  | readonly (string | null)[]
  | readonly boolean[]
  | DictColumn;

/** A batch of rows in columns; every column has `length` values. */
export interface ColumnBatch {
  readonly length: number;
  readonly columns: Readonly<Record<string, Column>>;
}

/** True when a column is dictionary-coded. */
export function isDictColumn(c: Column): c is DictColumn {
  return (c as DictColumn).codes instanceof Int32Array;
}

/** Reads value `i` of a column as a plain JS value (dictionary codes resolved). */
export function columnValue(c: Column, i: number): unknown {
  if (isDictColumn(c)) {
    const code = c.codes[i] as number;
    return code < 0 ? null : c.dictionary[code];
  }
  return (c as ArrayLike<unknown>)[i];
}

/** Converts a columnar batch to row objects (for tests, NDJSON and small batches). */
export function batchToRows(batch: ColumnBatch): Record<string, unknown>[] {
  const names = Object.keys(batch.columns);
  const cols = names.map((n) => batch.columns[n] as Column);
  const rows: Record<string, unknown>[] = new Array(batch.length);
  for (let i = 0; i < batch.length; i++) {
    const row: Record<string, unknown> = {};
    for (let j = 0; j < names.length; j++) row[names[j] as string] = columnValue(cols[j] as Column, i);
    rows[i] = row;
  }
  return rows;
}
