/**
 * What the SQL builder needs to know about a column. `timestamp` means a UTC instant stored as
 * a DuckDB TIMESTAMP; `date` a calendar day that is already local (Asia/Shanghai).
 */
export type FieldType = "date" | "timestamp" | "number" | "string" | "boolean" | "other";

/** Column name → type, for one extract. */
export type FieldTypes = Readonly<Record<string, FieldType>>;

/**
 * Map a DuckDB type name (as `DESCRIBE` prints it, e.g. `DECIMAL(18,3)`, `TIMESTAMP_MS`) to a
 * {@link FieldType}.
 *
 * @example fieldTypeFromDuckDb("DATE") // => "date"
 */
export function fieldTypeFromDuckDb(typeName: string): FieldType {
  const t = typeName.trim().toUpperCase();
  if (t === "DATE") return "date";
  // TIMESTAMP WITH TIME ZONE is an instant too, but date_trunc on it needs ICU: not supported.
  if (/^TIMESTAMP(_S|_MS|_NS)?$/.test(t) || t === "DATETIME") return "timestamp";
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/.test(t)) {
    return "number";
  }
  if (/^(FLOAT|DOUBLE|REAL)$/.test(t) || t.startsWith("DECIMAL")) return "number";
  if (t === "VARCHAR" || t.startsWith("VARCHAR(") || t === "TEXT") return "string";
  if (t === "BOOLEAN") return "boolean";
  return "other";
}
