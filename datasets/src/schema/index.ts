export { t, nullable } from "./field.ts";
export type { FieldDef, FieldKind, FieldValue, KindValue } from "./field.ts";
export { defineStream, columnNames } from "./define-stream.ts";
export type { Fields, RowOf, StreamDef } from "./define-stream.ts";
export {
  INT32_MAX,
  INT32_MIN,
  MAX_TIME_MS,
  validateRows,
  parseValue,
  showValue,
  formatRowError,
  ValidationError,
} from "./validate.ts";
export type { RowError, Validated } from "./validate.ts";
export { parseTime, formatTime, SHANGHAI_OFFSET_MS } from "./parse-time.ts";
export { isDictColumn, columnValue, batchToRows } from "./column-batch.ts";
export type { Column, ColumnBatch, DictColumn } from "./column-batch.ts";
export { arrowSchema, arrowType, toRecordBatch } from "./to-arrow.ts";
export { duckdbType, duckdbColumns, duckdbCreateTable, quoteIdent } from "./to-duckdb.ts";
