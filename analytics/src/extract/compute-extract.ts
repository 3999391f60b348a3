import type { Table } from "apache-arrow";
import type { Store } from "../store/store.ts";
import type { ParquetSource } from "./extract-finisher.ts";
import type { ExtractDef } from "./extract-defs.ts";
import type { ExtractFile, ManifestEntry, ManifestPart } from "./manifest.ts";
import {
  daysWhereSql,
  localDaySql,
  localMonthSql,
  monthsWhereSql,
  timeKindOf,
  type TimeKind,
} from "./month-parts.ts";
import { Snapshot } from "./snapshot.ts";
import { timeRange } from "./time-range.ts";
import type { PendingSync, StageClock } from "./stage-clock.ts";
import { writeArrowFile } from "./write-files.ts";

/** Where and how one publish writes. */
export interface WriteContext {
  readonly store: Store;
  /** The new version directory. */
  readonly dir: string;
  readonly parquet: boolean;
  /** Files to fsync before the manifest swap. */
  readonly sync: PendingSync;
  /** Where this extract's time goes. */
  readonly clock: StageClock;
}

/** A written Arrow file with the extract's column list, and where its Parquet rows will come from. */
export interface Written {
  readonly file: ExtractFile;
  readonly fields: ManifestEntry["fields"];
  /** Present when Parquet siblings are wanted; its snapshot reference is the caller's to pass on. */
  readonly parquet?: ParquetSource;
}

export const fieldsOf = (t: Table) => t.schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));

/** Writes `table` as `<base>.arrows` with its manifest description. */
export async function writeTable(
  ctx: WriteContext,
  def: ExtractDef,
  base: string,
  table: Table,
  parquet?: Omit<ParquetSource, "store" | "file">,
): Promise<Written> {
  const arrow = await writeArrowFile(ctx.dir, base, table, ctx.sync, ctx.clock);
  const file: ExtractFile = { ...arrow, timeRange: timeRange(table, def.timeColumn) };
  return {
    file,
    fields: fieldsOf(table),
    ...(parquet && { parquet: { ...parquet, store: ctx.store, file: `${base}.parquet` } }),
  };
}

/**
 * Computes a whole (unpartitioned) extract into `<name>.arrows`. With Parquet wanted, the rows
 * are first materialised once ({@link Snapshot}) so the later Parquet sibling has the same rows.
 */
export async function computeWhole(ctx: WriteContext, def: ExtractDef): Promise<Written> {
  const arrow = (sql: string) => ctx.clock.time("arrow", () => ctx.store.queryArrow(sql));
  if (!ctx.parquet) return writeTable(ctx, def, def.name, await arrow(def.sql));
  const snap = await ctx.clock.time("sql", () => Snapshot.take(ctx.store, def.sql));
  try {
    const select = `SELECT * FROM ${snap.table}`;
    const written = await writeTable(ctx, def, def.name, await arrow(select), { select });
    return { ...written, parquet: { ...(written.parquet as ParquetSource), release: snap.hold() } };
  } finally {
    await snap.release();
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** How the partitioned extract's time column is stored. */
export async function timeKind(store: Store, def: ExtractDef, column: string): Promise<TimeKind> {
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
  /** Parquet sources by Arrow file name (empty without Parquet). */
  readonly sources: Map<string, ParquetSource>;
  readonly empty: Written | null;
  readonly fields: ManifestEntry["fields"] | null;
}

/**
 * Computes the months of a partitioned extract, `<name>-YYYY-MM.arrows` each: all of them, or
 * only those from `span.first` to `span.last` (the filter is pushed down to the source scan).
 * With `currentDays` (a day-local extract), the month of the newest day is written one part per
 * day instead (`<name>-YYYY-MM-DD.arrows`, `day` set). Writes an empty `<name>.arrows` when the
 * extract has no rows at all and `span` is null.
 */
export async function computeParts(
  ctx: WriteContext,
  def: ExtractDef,
  span: { readonly first: string; readonly last: string } | null,
  currentDays = false,
): Promise<WrittenParts> {
  if (!def.timeColumn) throw new Error(`extract "${def.name}": partitionBy "month" needs a timeColumn`);
  const col = quote(def.timeColumn);
  const kind = await timeKind(ctx.store, def, def.timeColumn);
  const where = span ? ` WHERE ${monthsWhereSql(col, kind, span.first, span.last)}` : "";
  const snap = await ctx.clock.time("sql", () =>
    Snapshot.take(ctx.store, `SELECT * FROM (${def.sql})${where}`),
  );
  try {
    const months = await ctx.clock.time("sql", () =>
      ctx.store.query(
        `SELECT DISTINCT ${localMonthSql(col, kind)} AS month FROM ${snap.table} ORDER BY month`,
      ),
    );
    const parts: ManifestPart[] = [];
    const sources = new Map<string, ParquetSource>();
    let fields: ManifestEntry["fields"] | null = null;
    const write = async (base: string, select: string) => {
      const table = await ctx.clock.time("arrow", () => ctx.store.queryArrow(select));
      const written = await writeTable(ctx, def, base, table, ctx.parquet ? { select } : undefined);
      if (written.parquet) sources.set(written.file.file, { ...written.parquet, release: snap.hold() });
      return written;
    };
    try {
      let current: string | null = null;
      if (currentDays) {
        const newest = await ctx.store.query(
          `SELECT max(${localDaySql(col, kind)}) AS day FROM ${snap.table}`,
        );
        current = typeof newest[0]?.day === "string" ? newest[0].day.slice(0, 7) : null;
      }
      for (const { month } of months) {
        const m = String(month);
        if (m === current) continue;
        const written = await write(
          `${def.name}-${m}`,
          `SELECT * FROM ${snap.table} WHERE ${monthsWhereSql(col, kind, m, m)}`,
        );
        parts.push({ month: m, ...written.file });
        fields = written.fields;
      }
      if (current) {
        const days = await ctx.store.query(
          `SELECT DISTINCT ${localDaySql(col, kind)} AS day FROM ${snap.table} WHERE ${monthsWhereSql(col, kind, current, current)} ORDER BY day`,
        );
        for (const { day } of days) {
          const d = String(day);
          const rows = daysWhereSql(col, kind, { first: d, last: d });
          const written = await write(`${def.name}-${d}`, `SELECT * FROM ${snap.table} WHERE ${rows}`);
          parts.push({ month: current, day: d, ...written.file });
          fields = written.fields;
        }
      }
      const empty = parts.length === 0 && !span ? await write(def.name, `SELECT * FROM ${snap.table}`) : null;
      return { parts, sources, empty, fields: fields ?? empty?.fields ?? null };
    } catch (e) {
      for (const src of sources.values()) await src.release?.();
      throw e;
    }
  } finally {
    await snap.release();
  }
}
