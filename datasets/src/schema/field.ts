/**
 * Field definitions: the one place a stream's columns are described. From a stream's fields we
 * derive its TypeScript row type, its runtime validator, its Arrow schema and its DuckDB DDL.
 */

/** The storage kinds a stream field can have. */
export type FieldKind = "timestamp" | "date" | "string" | "enum" | "int" | "float" | "bool";

/** The JavaScript value each kind holds once parsed. Timestamps are epoch milliseconds (UTC). */
export interface KindValue {
  timestamp: number;
  date: string;
  string: string;
  enum: string;
  int: number;
  float: number;
  bool: boolean;
}

/** A field: its kind, whether it may be null, and the constraints the validator enforces. */
export interface FieldDef<K extends FieldKind = FieldKind, V = KindValue[K], N extends boolean = boolean> {
  readonly kind: K;
  readonly nullable: N;
  /** One line saying what the field means (shown in docs and error messages). */
  readonly doc: string;
  /** Unit of a numeric field, e.g. "kWh", "%LEL". */
  readonly unit?: string;
  readonly min?: number;
  readonly max?: number;
  /** Allowed values of an enum field. */
  readonly values?: readonly string[];
  /** Pattern a string field must match. */
  readonly pattern?: RegExp;
  /**
   * Low-cardinality text (ids, codes, enums): written as Arrow dictionaries so that
   * generators and extracts stay small and fast.
   */
  readonly dictionary?: boolean;
  /** Phantom member carrying the value type; never set at run time. */
  readonly __value?: V;
}

/** The value type of a field, with `null` when the field is nullable. */
export type FieldValue<F> =
  F extends FieldDef<FieldKind, infer V, infer N> ? (N extends true ? V | null : V) : never;

type Options = Omit<Partial<FieldDef>, "kind" | "nullable" | "doc" | "__value">;

function make<K extends FieldKind, V = KindValue[K]>(kind: K, doc: string, options: Options = {}) {
  return { kind, nullable: false as const, doc, ...options } as FieldDef<K, V, false>;
}

/** Returns a copy of `field` that accepts null. */
export function nullable<K extends FieldKind, V>(field: FieldDef<K, V, false>): FieldDef<K, V, true> {
  return { ...field, nullable: true } as FieldDef<K, V, true>;
}

/**
 * Field builders.
 * @example
 * const fields = { ts: t.timestamp("reading time"), value: t.float("reading", { min: 0, unit: "kWh" }) };
 */
export const t = {
  timestamp: (doc: string) => make("timestamp", doc),
  date: (doc: string) => make("date", doc, { pattern: /^\d{4}-\d{2}-\d{2}$/ }),
  string: (doc: string, options: Options = {}) => make("string", doc, options),
  id: (doc: string, options: Options = {}) => make("string", doc, { dictionary: true, ...options }),
  enum: <const E extends readonly string[]>(values: E, doc: string) =>
    make<"enum", E[number]>("enum", doc, { values, dictionary: true }),
  int: (doc: string, options: Options = {}) => make("int", doc, options),
  float: (doc: string, options: Options = {}) => make("float", doc, options),
  bool: (doc: string) => make("bool", doc),
};
