import type { FieldDef, FieldValue } from "./field.ts";

/** The fields of a stream, by column name (declaration order is column order). */
export type Fields = Record<string, FieldDef>;

/** One row of a stream, typed from its field definitions. */
export type RowOf<F extends Fields> = { [K in keyof F]: FieldValue<F[K]> };

/** A stream's full definition. */
export interface StreamDef<N extends string = string, F extends Fields = Fields> {
  readonly name: N;
  readonly title: { readonly zh: string; readonly en: string };
  /** Nominal time grain of one row, e.g. "15m", "1h", "event". */
  readonly grain: string;
  /** The field that places a row in time (used for partitioning, rollups and late data). */
  readonly timeField: keyof F & string;
  /** The natural key: a row with the same key replaces the earlier one on ingest. */
  readonly key: readonly (keyof F & string)[];
  readonly fields: F;
}

/**
 * Declares a stream. Checks that the key and time field name real fields.
 * @example
 * const septic = defineStream({ name: "septic", title: { zh: "化粪池", en: "Septic tanks" },
 *   grain: "5m", timeField: "ts", key: ["monitor_id", "ts"], fields: { ... } });
 */
export function defineStream<const N extends string, const F extends Fields>(
  def: StreamDef<N, F>,
): StreamDef<N, F> {
  const names = Object.keys(def.fields);
  for (const k of [...def.key, def.timeField]) {
    if (!names.includes(k)) throw new Error(`stream "${def.name}": key/time field "${k}" is not a field`);
  }
  const time = def.fields[def.timeField];
  if (time?.kind !== "timestamp" && time?.kind !== "date") {
    throw new Error(`stream "${def.name}": time field "${def.timeField}" must be a timestamp or date`);
  }
  return def;
}

/** Column names of a stream in declaration order. */
export function columnNames<F extends Fields>(def: StreamDef<string, F>): (keyof F & string)[] {
  return Object.keys(def.fields) as (keyof F & string)[];
}
