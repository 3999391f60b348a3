import type { Fields, StreamDef } from "./define-stream.ts";
import type { FieldDef } from "./field.ts";

/** The DuckDB column type of a field. */
export function duckdbType(def: FieldDef): string {
  switch (def.kind) {
    case "timestamp":
      return "TIMESTAMP";
    case "date":
      return "DATE";
    case "int":
      return "INTEGER";
    case "float":
      return "DOUBLE";
    case "bool":
      return "BOOLEAN";
    case "string":
    case "enum":
      return "VARCHAR";
  }
}

/** Quotes an identifier for DuckDB. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** Column definitions `"name" TYPE [NOT NULL] [CHECK …]` of a stream, in order. */
export function duckdbColumns<F extends Fields>(stream: StreamDef<string, F>): string[] {
  return Object.entries(stream.fields).map(([name, def]) => {
    const q = quoteIdent(name);
    const parts = [q, duckdbType(def)];
    if (!def.nullable) parts.push("NOT NULL");
    if (def.kind === "enum" && def.values)
      parts.push(`CHECK (${q} IN (${def.values.map(sqlString).join(", ")}))`);
    return parts.join(" ");
  });
}

/**
 * `CREATE TABLE` for a stream, with its natural key as the primary key unless
 * `primaryKey: false` (a writer that keeps keys unique itself spares DuckDB the index, which
 * costs more than the insert on bulk loads).
 * @param table table name; defaults to the stream name.
 */
export function duckdbCreateTable<F extends Fields>(
  stream: StreamDef<string, F>,
  table = stream.name,
  options: { readonly primaryKey?: boolean } = {},
): string {
  const cols = duckdbColumns(stream);
  if (options.primaryKey === false)
    return `CREATE TABLE IF NOT EXISTS ${quoteIdent(table)} (\n  ${cols.join(",\n  ")}\n)`;
  const key = stream.key.map(quoteIdent).join(", ");
  return `CREATE TABLE IF NOT EXISTS ${quoteIdent(table)} (\n  ${cols.join(",\n  ")},\n  PRIMARY KEY (${key})\n)`;
}
