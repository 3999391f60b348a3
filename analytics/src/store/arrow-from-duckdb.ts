import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import { DuckDBTypeId } from "@duckdb/node-api";
import {
  Bool,
  DateDay,
  Field,
  Float64,
  Int32,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampMillisecond,
  Utf8,
  makeData,
  vectorFromArray,
  type Data,
  type DataType,
} from "apache-arrow";

type Reader = (value: unknown) => unknown;

function arrowFor(typeId: DuckDBTypeId): { type: DataType; read: Reader } {
  switch (typeId) {
    case DuckDBTypeId.BOOLEAN:
      return { type: new Bool(), read: (v) => v };
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
      return { type: new Int32(), read: (v) => v };
    case DuckDBTypeId.DATE:
      return { type: new DateDay(), read: (v) => (v as { days: number }).days * 86_400_000 };
    case DuckDBTypeId.TIMESTAMP:
      return {
        type: new TimestampMillisecond(),
        read: (v) => Number((v as { micros: bigint }).micros / 1000n),
      };
    case DuckDBTypeId.VARCHAR:
      return { type: new Utf8(), read: (v) => v };
    default:
      // BIGINT, HUGEINT, DECIMAL, DOUBLE, FLOAT …: counts and sums become float64, which is
      // what charts and DuckDB-WASM consumers want; exact below 2^53.
      return { type: new Float64(), read: (v) => (typeof v === "number" ? v : Number(v?.toString())) };
  }
}

/**
 * One column of a chunk as Arrow data. Fixed-width types are written straight into typed arrays
 * with a validity bitmap (the builder path costs several times more per value); text and
 * booleans go through apache-arrow's builders.
 */
function columnData(type: DataType, read: Reader, raw: readonly unknown[]): Data {
  const n = raw.length;
  const fixed =
    type instanceof Float64
      ? new Float64Array(n)
      : type instanceof Int32 || type instanceof DateDay
        ? new Int32Array(n)
        : type instanceof TimestampMillisecond
          ? new BigInt64Array(n)
          : null;
  if (!fixed)
    return vectorFromArray(
      raw.map((v) => (v === null ? null : read(v))),
      type,
    ).data[0] as Data;
  const validity = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const v = raw[i];
    if (v === null || v === undefined) {
      nulls++;
      continue;
    }
    validity[i >> 3] = (validity[i >> 3] as number) | (1 << (i & 7));
    if (type instanceof DateDay) fixed[i] = (v as { days: number }).days;
    else if (type instanceof TimestampMillisecond)
      (fixed as BigInt64Array)[i] = (v as { micros: bigint }).micros / 1000n;
    else (fixed as Float64Array | Int32Array)[i] = read(v) as number;
  }
  return makeData({
    type,
    length: n,
    data: fixed,
    nullCount: nulls,
    ...(nulls > 0 ? { nullBitmap: validity } : {}),
  } as Parameters<typeof makeData>[0]);
}

/**
 * Runs a query on native DuckDB and returns the result as an Arrow table, chunk by chunk
 * (@duckdb/node-api has no Arrow export). Types map to what DuckDB-WASM reads back cleanly.
 */
export async function queryToArrow(
  conn: DuckDBConnection,
  sql: string,
  params: readonly DuckDBValue[] = [],
): Promise<Table> {
  const result = await conn.stream(sql, params as DuckDBValue[]);
  const names = result.columnNames();
  const kinds = result.columnTypes().map((t) => arrowFor(t.typeId));
  const schema = new Schema(names.map((n, i) => new Field(n, (kinds[i] as { type: DataType }).type, true)));
  const batches: RecordBatch[] = [];
  for (
    let chunk = await result.fetchChunk();
    chunk && chunk.rowCount > 0;
    chunk = await result.fetchChunk()
  ) {
    const children: Data[] = kinds.map(({ type, read }, c) =>
      columnData(type, read, chunk.getColumnValues(c)),
    );
    const data = makeData({
      type: new Struct(schema.fields),
      length: chunk.rowCount,
      children,
      nullCount: 0,
    });
    batches.push(new RecordBatch(schema, data));
  }
  return batches.length > 0 ? new Table(batches) : new Table(schema);
}
