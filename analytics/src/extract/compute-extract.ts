import type { Table } from "apache-arrow";
import type { Store } from "../store/store.ts";
import type { ExtractDef } from "./extract-defs.ts";
import type { ExtractFile, ManifestEntry, ManifestPart } from "./manifest.ts";
import { localMonthSql, monthsWhereSql, timeKindOf, type TimeKind } from "./month-parts.ts";
import { timeRange } from "./time-range.ts";
import { writeArrowFiles, writeParquetFile } from "./write-files.ts";

/** Where and how one publish writes. */
export interface WriteContext {
  readonly store: Store;
  /** The new version directory. */
  readonly dir: string;
  readonly parquet: boolean;
}

/** A written file with the extract's column list. */
export interface Written {
  readonly file: ExtractFile;
  readonly fields: ManifestEntry["fields"];
}

let temps = 0;

/** Materialises `select` once into a temp table, so Arrow and Parquet read the same rows. */
async function withTempTable<T>(store: Store, select: string, work: (table: string) => Promise<T>) {
  const table = `"__extract_${process.pid}_${++temps}"`;
  await store.query(`CREATE TEMP TABLE ${table} AS ${select}`);
  try {
    return await work(table);
  } finally {
    await store.query(`DROP TABLE IF EXISTS ${table}`);
  }
}

const fieldsOf = (t: Table) => t.schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));

async function writeOne(ctx: WriteContext, def: ExtractDef, base: string, select: string): Promise<Written> {
  const table = await ctx.store.queryArrow(select);
  const arrow = await writeArrowFiles(ctx.dir, base, table);
  const parquet = ctx.parquet ? await writeParquetFile(ctx.store, ctx.dir, base, select) : undefined;
  const file: ExtractFile = {
    ...arrow,
    timeRange: timeRange(table, def.timeColumn),
    ...(parquet && { parquet }),
  };
  return { file, fields: fieldsOf(table) };
}

/** Computes a whole (unpartitioned) extract into `<name>.arrows` and its siblings. */
export function computeWhole(ctx: WriteContext, def: ExtractDef): Promise<Written> {
  return withTempTable(ctx.store, def.sql, (t) => writeOne(ctx, def, def.name, `SELECT * FROM ${t}`));
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function timeKind(store: Store, def: ExtractDef, column: string): Promise<TimeKind> {
  const cols = await store.query(`DESCRIBE ${def.sql}`);
  const type = cols.find((c) => c.column_name === column)?.column_type;
  const kind = typeof type === "string" ? timeKindOf(type) : null;
  if (!kind)
    throw new Error(
      `extract "${def.name}": partitionBy "month" needs timeColumn "${column}" to be a DATE or TIMESTAMP column, got ${type ?? "no such column"}`,
    );
  return kind;
}

/** A partitioned extract's months written now, plus an empty whole file when it has no rows. */
export interface WrittenParts {
  readonly parts: ManifestPart[];
  readonly empty: Written | null;
  readonly fields: ManifestEntry["fields"] | null;
}

/**
 * Computes the months of a partitioned extract, `<name>-YYYY-MM.arrows` each: all of them, or
 * only those from `span.first` to `span.last` (the filter is pushed down to the source scan).
 * Writes an empty `<name>.arrows` when the extract has no rows at all and `span` is null.
 */
export async function computeParts(
  ctx: WriteContext,
  def: ExtractDef,
  span: { readonly first: string; readonly last: string } | null,
): Promise<WrittenParts> {
  if (!def.timeColumn) throw new Error(`extract "${def.name}": partitionBy "month" needs a timeColumn`);
  const col = quote(def.timeColumn);
  const kind = await timeKind(ctx.store, def, def.timeColumn);
  const where = span ? ` WHERE ${monthsWhereSql(col, kind, span.first, span.last)}` : "";
  return withTempTable(ctx.store, `SELECT * FROM (${def.sql})${where}`, async (t) => {
    const months = await ctx.store.query(
      `SELECT DISTINCT ${localMonthSql(col, kind)} AS month FROM ${t} ORDER BY month`,
    );
    const parts: ManifestPart[] = [];
    let fields: ManifestEntry["fields"] | null = null;
    for (const { month } of months) {
      const m = String(month);
      const select = `SELECT * FROM ${t} WHERE ${monthsWhereSql(col, kind, m, m)}`;
      const written = await writeOne(ctx, def, `${def.name}-${m}`, select);
      parts.push({ month: m, ...written.file });
      fields = written.fields;
    }
    const empty =
      parts.length === 0 && !span ? await writeOne(ctx, def, def.name, `SELECT * FROM ${t}`) : null;
    return { parts, empty, fields: fields ?? empty?.fields ?? null };
  });
}
