import { normalizeCell } from "@citybrain/analytics/browser";
import type { FieldType, Row } from "@citybrain/analytics/browser";

// Arrow's Type ids come from the Arrow format spec, so they match duckdb-wasm's own arrow copy.
const ARROW_DATE = 8;
const ARROW_TIMESTAMP = 10;

/** The slice of an Arrow table (duckdb-wasm's own apache-arrow copy) the rows are read from. */
export interface ArrowResult {
  readonly numRows: number;
  readonly schema: {
    readonly fields: readonly { readonly name: string; readonly type: { readonly typeId: number } }[];
  };
  getChildAt(i: number): { get(row: number): unknown } | null;
}

function kindOf(typeId: number): FieldType {
  if (typeId === ARROW_DATE) return "date";
  if (typeId === ARROW_TIMESTAMP) return "timestamp";
  return "other";
}

/** A DuckDB-WASM answer as plain rows, cells as every `QueryConnector` returns them. */
export function arrowRows(table: ArrowResult): Row[] {
  const columns = table.schema.fields.map((f, i) => ({
    name: f.name,
    kind: kindOf(f.type.typeId),
    vector: table.getChildAt(i),
  }));
  const rows: Row[] = [];
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {};
    for (const c of columns) row[c.name] = normalizeCell(c.vector?.get(r), c.kind);
    rows.push(row);
  }
  return rows;
}
