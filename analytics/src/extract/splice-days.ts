import { readFile, unlink } from "node:fs/promises";
import { join } from "node:path";
import { tableFromIPC, Type, type Data, type Table } from "apache-arrow";
import { linkFile } from "./sibling-files.ts";
import { fieldsOf, type WriteContext, type Written } from "./compute-extract.ts";
import type { ExtractDef } from "./extract-defs.ts";
import type { ParquetSource } from "./extract-finisher.ts";
import type { ExtractFile } from "./manifest.ts";
import { daysWhereSql, type DaySpan, type TimeKind } from "./month-parts.ts";
import { parquetFromDefinition } from "./parquet-fallback.ts";
import { Snapshot } from "./snapshot.ts";
import { spliceTables } from "./splice-table.ts";
import { writeArrowFile } from "./write-files.ts";

const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * Each row's time as epoch ms (a DATE as its UTC midnight), or null when a time is missing or
 * the rows are not in time order: then the file cannot be spliced.
 */
function sortedTimes(table: Table, column: string): Float64Array | null {
  const col = table.getChild(column);
  if (!col || col.nullCount > 0) return null;
  const out = new Float64Array(table.numRows);
  let i = 0;
  for (const d of col.data as Data[]) {
    const v = d.values as Int32Array | BigInt64Array;
    const isDate = d.type.typeId === Type.Date;
    if (!isDate && !(v instanceof BigInt64Array)) return null;
    const w = isDate ? null : new Int32Array(v.buffer, v.byteOffset, d.length * 2);
    for (let j = 0; j < d.length; j++, i++) {
      out[i] = w
        ? (w[2 * j + 1] as number) * 4294967296 + ((w[2 * j] as number) >>> 0)
        : (v[j] as number) * DAY_MS;
      if (i > 0 && (out[i] as number) < (out[i - 1] as number)) return null;
    }
  }
  return out;
}

/** First index whose value is ≥ `x` in an ascending array. */
function lowerBound(a: Float64Array, x: number): number {
  let [lo, hi] = [0, a.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Republishes one file of a day-local extract (`incremental: "day"`) by recomputing only the
 * days of `span` and splicing their rows between the previous file's rows of other days, which
 * are not converted again. Null when the previous file cannot be used (missing, not in time
 * order, other columns): the caller computes the file in full.
 */
export async function spliceFile(
  ctx: WriteContext & { readonly previousDir: string },
  def: ExtractDef & { readonly timeColumn: string },
  kind: TimeKind,
  prev: ExtractFile & { readonly month?: string },
  base: string,
  span: DaySpan,
): Promise<Written | null> {
  const read = await ctx.clock.time("splice", async () => {
    try {
      const bytes = await readFile(join(ctx.previousDir, prev.file));
      if (bytes.length !== prev.bytes) return null;
      const table = tableFromIPC(bytes);
      const times = sortedTimes(table, def.timeColumn);
      return times && { table, times };
    } catch {
      return null;
    }
  });
  if (!read) return null;
  const { table, times } = read;
  const start = dayNumber(span.first) * DAY_MS - SHANGHAI_MS;
  const end = (dayNumber(span.last) + 1) * DAY_MS - SHANGHAI_MS;
  // DATE values are local days at UTC midnight: compare them without the Shanghai shift.
  const shift = kind === "date" ? SHANGHAI_MS : 0;
  const [lo, hi] = [lowerBound(times, start + shift), lowerBound(times, end + shift)];
  const select = `SELECT * FROM (${def.sql}) WHERE ${daysWhereSql(quote(def.timeColumn), kind, span)}`;
  const snap = ctx.parquet ? await ctx.clock.time("sql", () => Snapshot.take(ctx.store, select)) : null;
  try {
    const fresh = await ctx.clock.time("arrow", () =>
      ctx.store.queryArrow(snap ? `SELECT * FROM ${snap.table}` : select),
    );
    const added = sortedTimes(fresh, def.timeColumn);
    const n = times.length;
    const k = added?.length ?? 0;
    // The new rows must fall between the kept ones, so the file stays in time order.
    const fits =
      added !== null &&
      (k === 0 ||
        ((lo === 0 || (added[0] as number) >= (times[lo - 1] as number)) &&
          (hi === n || (added[k - 1] as number) <= (times[hi] as number))));
    const spliced = fits ? await ctx.clock.time("splice", () => spliceTables(table, lo, hi, fresh)) : null;
    if (!spliced || !added) return null;
    const arrow = await writeArrowFile(ctx.dir, base, spliced, ctx.sync, ctx.clock);
    const first = lo > 0 ? times[0] : k > 0 ? added[0] : times[hi];
    const last = hi < n ? times[n - 1] : k > 0 ? added[k - 1] : times[lo - 1];
    const file: ExtractFile = {
      ...arrow,
      timeRange: first !== undefined && last !== undefined ? [iso(first), iso(last)] : null,
    };
    const parquet = snap ? await parquetSource(ctx, def, prev, base, span, kind, snap) : undefined;
    return { file, fields: fieldsOf(spliced), ...(parquet && { parquet }) };
  } finally {
    await snap?.release();
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The spliced file's Parquet rows: the previous Parquet file's rows of other days, in their
 * order, around the snapshot of the recomputed days. Without a previous Parquet file (still
 * being written), the definition's rows.
 */
async function parquetSource(
  ctx: WriteContext & { readonly previousDir: string },
  def: ExtractDef & { readonly timeColumn: string },
  prev: ExtractFile & { readonly month?: string },
  base: string,
  span: DaySpan,
  kind: TimeKind,
  snap: Snapshot,
): Promise<ParquetSource> {
  const file = `${base}.parquet`;
  const kept = prev.parquet && join(ctx.dir, `.splice-${prev.parquet.file}`);
  const linked =
    prev.parquet && kept
      ? await linkFile(join(ctx.previousDir, prev.parquet.file), kept).then(
          () => true,
          () => false,
        )
      : false;
  if (!linked || !kept) return { ...parquetFromDefinition(ctx.store, def, prev), file };
  const t = quote(def.timeColumn);
  const inSpan = daysWhereSql(t, kind, span);
  const path = `'${kept.replaceAll("'", "''")}'`;
  const select = `SELECT * EXCLUDE (__k, __r) FROM (
      SELECT * EXCLUDE (file_row_number), CASE WHEN ${t} < ${boundSql(kind, span.first)} THEN 0 ELSE 2 END AS __k,
        file_row_number AS __r
      FROM read_parquet(${path}, file_row_number = true) WHERE NOT (${inSpan})
      UNION ALL SELECT *, 1, rowid FROM ${snap.table}
    ) ORDER BY __k, __r`;
  const free = snap.hold();
  return {
    store: ctx.store,
    select,
    file,
    release: async () => {
      await free();
      await unlink(kept).catch(() => undefined);
    },
  };
}

const boundSql = (kind: TimeKind, day: string) =>
  kind === "date" ? `DATE '${day}'` : `(TIMESTAMP '${day} 00:00:00' - INTERVAL 8 HOUR)`;
