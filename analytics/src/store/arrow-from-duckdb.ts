import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import { DuckDBTypeId } from "@duckdb/node-api";
import { Field, RecordBatch, Schema, Struct, Table, makeData } from "apache-arrow";
import { FixedColumn, type ColumnBuilder } from "./arrow-fixed-column.ts";
import { TextColumn } from "./arrow-text-column.ts";

/**
 * Rows per record batch: DuckDB's 2,048-row chunks are gathered into batches of this size, so
 * a stream of millions of rows has a few dozen IPC messages, not thousands.
 */
export const BATCH_ROWS = 128 * 1024;

/**
 * Runs a query on native DuckDB and returns the result as an Arrow table (@duckdb/node-api has
 * no Arrow export). Types map to what DuckDB-WASM reads back cleanly: DOUBLE and other numbers
 * → Float64 (INTEGER and smaller → Int32), DATE → Date32<DAY>, TIMESTAMP →
 * Timestamp<MILLISECOND>, BOOLEAN → Bool, VARCHAR → Dictionary<Int…, Utf8> when values repeat
 * (see {@link TextColumn}) else Utf8. Fixed-width columns are copied from DuckDB's memory a
 * chunk at a time; text is coded without decoding repeated values.
 */
export async function queryToArrow(
  conn: DuckDBConnection,
  sql: string,
  params: readonly DuckDBValue[] = [],
): Promise<Table> {
  const result = await conn.stream(sql, params as DuckDBValue[]);
  const names = result.columnNames();
  const builders: ColumnBuilder[] = result
    .columnTypes()
    .map((t, i) => (t.typeId === DuckDBTypeId.VARCHAR ? new TextColumn(i) : new FixedColumn(t.typeId)));
  const lengths: number[] = [];
  let inBatch = 0;
  const seal = () => {
    for (const b of builders) b.seal();
    lengths.push(inBatch);
    inBatch = 0;
  };
  for (
    let chunk = await result.fetchChunk();
    chunk && chunk.rowCount > 0;
    chunk = await result.fetchChunk()
  ) {
    for (let c = 0; c < builders.length; c++) builders[c]?.append(chunk.getColumnVector(c));
    inBatch += chunk.rowCount;
    if (inBatch >= BATCH_ROWS) seal();
  }
  if (inBatch > 0) seal();
  const columns = builders.map((b) => b.finish());
  const schema = new Schema(columns.map((c, i) => new Field(names[i] ?? `column${i}`, c.type, true)));
  if (lengths.length === 0) return new Table(schema);
  const batches = lengths.map(
    (length, k) =>
      new RecordBatch(
        schema,
        makeData({
          type: new Struct(schema.fields),
          length,
          nullCount: 0,
          children: columns.map((c) => c.data[k]) as never,
        }),
      ),
  );
  return new Table(schema, batches);
}
