import { computeParts, timeKind, writeTable, type WriteContext } from "./compute-extract.ts";
import type { ExtractDef } from "./extract-defs.ts";
import type { ParquetSource } from "./extract-finisher.ts";
import type { ManifestEntry, ManifestPart } from "./manifest.ts";
import { addDays, daysWhereSql, nextMonth, type DaySpan, type TimeKind } from "./month-parts.ts";
import { Snapshot } from "./snapshot.ts";
import { spliceFile } from "./splice-days.ts";

type Ctx = WriteContext & { readonly previousDir: string };

/** The time column's kind from the previous entry's Arrow field types (no query), else DESCRIBE. */
export async function previousTimeKind(
  ctx: WriteContext,
  def: ExtractDef & { readonly timeColumn: string },
  previous: ManifestEntry,
): Promise<TimeKind> {
  const type = previous.fields.find((f) => f.name === def.timeColumn)?.type ?? "";
  if (type.startsWith("Date32")) return "date";
  if (type.startsWith("Timestamp")) return "timestamp";
  return timeKind(ctx.store, def, def.timeColumn);
}

/** The days of `days` that fall in `month` (YYYY-MM), or null. */
function clip(days: DaySpan, month: string): DaySpan | null {
  const first = days.first > `${month}-01` ? days.first : `${month}-01`;
  const end = `${nextMonth(month)}-01`;
  const last =
    days.last < end
      ? days.last
      : new Date(Date.parse(`${end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return first <= last ? { first, last } : null;
}

/** Parts written now. */
export interface RepublishedMonths {
  readonly parts: ManifestPart[];
  readonly sources: Map<string, ParquetSource>;
  readonly fields: ManifestEntry["fields"] | null;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Writes the newest day of a day-local extract as its own part, or null when it has no rows. */
async function writeDayPart(
  ctx: WriteContext,
  def: ExtractDef & { readonly timeColumn: string },
  kind: TimeKind,
  day: string,
): Promise<{ part: ManifestPart; source?: ParquetSource; fields: ManifestEntry["fields"] } | null> {
  const select = `SELECT * FROM (${def.sql}) WHERE ${daysWhereSql(quote(def.timeColumn), kind, { first: day, last: day })}`;
  const snap = ctx.parquet ? await ctx.clock.time("sql", () => Snapshot.take(ctx.store, select)) : null;
  try {
    const from = snap ? `SELECT * FROM ${snap.table}` : select;
    const table = await ctx.clock.time("arrow", () => ctx.store.queryArrow(from));
    if (table.numRows === 0) return null;
    const w = await writeTable(ctx, def, `${def.name}-${day}`, table, snap ? { select: from } : undefined);
    const source = w.parquet && snap ? { ...w.parquet, release: snap.hold() } : undefined;
    return { part: { month: day.slice(0, 7), day, ...w.file }, fields: w.fields, ...(source && { source }) };
  } finally {
    await snap?.release();
  }
}

/** What republishing a day-local partitioned extract wrote, and which previous parts it keeps. */
export interface RepublishedDays extends RepublishedMonths {
  readonly keep: ManifestPart[];
}

/**
 * Republishes a day-local partitioned extract after changes to `days`. Its newest day lives in
 * a part of its own (see `ManifestPart.day`): changes to it rewrite only that small file. When
 * a newer day arrives, the old newest day moves into its month's part (spliced in) and the new
 * day gets the day part; changes to older days are spliced into their months' parts.
 */
export async function republishDayLocal(
  ctx: Ctx,
  def: ExtractDef & { readonly timeColumn: string },
  previous: ManifestEntry,
  days: DaySpan,
): Promise<RepublishedDays> {
  const kind = await previousTimeKind(ctx, def, previous);
  const prevParts = previous.parts ?? [];
  const hot = prevParts.find((p) => p.day)?.day ?? null;
  const newest = hot && hot > days.last ? hot : days.last;
  // Days that belong in month parts now: changed days before the newest, and the old newest day.
  const spans: DaySpan[] = [];
  if (days.first < newest)
    spans.push({ first: days.first, last: days.last < newest ? days.last : addDays(newest, -1) });
  if (hot && hot < newest) spans.push({ first: hot, last: hot });
  const monthly =
    spans.length > 0
      ? {
          first: spans.map((x) => x.first).sort()[0] as string,
          last: spans
            .map((x) => x.last)
            .sort()
            .at(-1) as string,
        }
      : null;
  const parts: ManifestPart[] = [];
  const sources = new Map<string, ParquetSource>();
  let fields: ManifestEntry["fields"] | null = null;
  const touched = new Set<string>();
  try {
    if (monthly) {
      for (let m = monthly.first.slice(0, 7); m <= monthly.last.slice(0, 7); m = nextMonth(m)) {
        touched.add(m);
        const prev = prevParts.find((p) => p.month === m && !p.day);
        const span = clip(monthly, m);
        const w =
          prev && span ? await spliceFile(ctx, def, kind, prev, `${def.name}-${m}`, span, newest) : null;
        if (w) {
          fields = w.fields;
          if (w.parquet) sources.set(w.file.file, w.parquet);
          if (w.file.rows > 0) parts.push({ month: m, ...w.file });
          else await w.parquet?.release?.();
          continue;
        }
        const fresh = await computeParts(ctx, def, { first: m, last: m }, { exclude: newest });
        parts.push(...fresh.parts);
        for (const [f, src] of fresh.sources) sources.set(f, src);
        fields = fresh.fields ?? fields;
      }
    }
    const dayChanged = newest !== hot || (days.first <= newest && newest <= days.last);
    if (dayChanged) {
      const d = await writeDayPart(ctx, def, kind, newest);
      if (d) {
        parts.push(d.part);
        fields = d.fields;
        if (d.source) sources.set(d.part.file, d.source);
      }
    }
    const keep = prevParts.filter((p) => (p.day ? !dayChanged : !touched.has(p.month)));
    return { parts, sources, fields, keep };
  } catch (e) {
    for (const src of sources.values()) await src.release?.();
    throw e;
  }
}
