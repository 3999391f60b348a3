import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { tableFromIPC, type Table } from "apache-arrow";
import { computeParts, timeKind, writeTable, type WriteContext } from "./compute-extract.ts";
import type { ExtractDef } from "./extract-defs.ts";
import type { ParquetSource } from "./extract-finisher.ts";
import type { ManifestEntry, ManifestPart } from "./manifest.ts";
import { addDays, daysWhereSql, nextMonth, type DaySpan, type TimeKind } from "./month-parts.ts";
import { Snapshot } from "./snapshot.ts";
import { spliceFile } from "./splice-days.ts";
import { concatTables } from "./splice-table.ts";
import { parquetFromDefinition } from "./parquet-fallback.ts";

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

/** Writes one day of a day-local extract as its own part, or null when the day has no rows. */
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

/**
 * A month that has ended, as one month part: its day parts' Arrow files concatenated (no SQL;
 * dictionaries merged), the days in `changed` computed anew. Null when a file cannot be read.
 */
async function mergeDays(
  ctx: Ctx,
  def: ExtractDef & { readonly timeColumn: string },
  kind: TimeKind,
  month: string,
  dayParts: readonly ManifestPart[],
  changed: DaySpan,
): Promise<{ part: ManifestPart; source?: ParquetSource; fields: ManifestEntry["fields"] } | null> {
  const fromFiles = new Map(dayParts.map((p) => [p.day as string, p]));
  const inMonth = clip(changed, month);
  const all = [...new Set([...fromFiles.keys(), ...(inMonth ? daysOf(inMonth) : [])])].sort();
  const tables: Table[] = [];
  for (const d of all) {
    const p = fromFiles.get(d);
    const fresh = !p || (d >= changed.first && d <= changed.last);
    const next = fresh
      ? await ctx.clock.time("arrow", () =>
          ctx.store.queryArrow(
            `SELECT * FROM (${def.sql}) WHERE ${daysWhereSql(quote(def.timeColumn), kind, { first: d, last: d })}`,
          ),
        )
      : await ctx.clock.time("splice", async () => {
          const bytes = await readFile(join(ctx.previousDir, p.file)).catch(() => null);
          return bytes && bytes.length === p.bytes ? tableFromIPC(bytes) : null;
        });
    if (!next) return null;
    if (next.numRows > 0) tables.push(next);
  }
  const table = await ctx.clock.time("splice", () => concatTables(tables));
  if (!table) return null;
  const w = await writeTable(ctx, def, `${def.name}-${month}`, table);
  const part: ManifestPart = { month, ...w.file };
  const source = ctx.parquet ? parquetFromDefinition(ctx.store, def, part) : undefined;
  return { part, fields: w.fields, ...(source && { source }) };
}

/** What republishing a day-local partitioned extract wrote, and which previous parts it keeps. */
export interface RepublishedDays extends RepublishedMonths {
  readonly keep: ManifestPart[];
}

/** Every day of a span, in order. */
function daysOf(span: DaySpan): string[] {
  const out: string[] = [];
  for (let d = span.first; d <= span.last; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * Republishes a day-local partitioned extract after changes to `days`. The month of its newest
 * day is kept one part per day (see `ManifestPart.day`): an hour's write rewrites only its day's
 * small file, and a new day adds one. When a new month begins, the days of the month that
 * ended are merged into one month part (their files concatenated). Changes to days of earlier
 * months are spliced into those months' parts.
 */
export async function republishDayLocal(
  ctx: Ctx,
  def: ExtractDef & { readonly timeColumn: string },
  previous: ManifestEntry,
  days: DaySpan,
): Promise<RepublishedDays> {
  const kind = await previousTimeKind(ctx, def, previous);
  const prevParts = previous.parts ?? [];
  const prevDays = prevParts.filter((p) => p.day);
  const newestBefore =
    prevDays
      .map((p) => p.day as string)
      .sort()
      .at(-1) ?? null;
  const newest = newestBefore && newestBefore > days.last ? newestBefore : days.last;
  const current = newest.slice(0, 7);
  const parts: ManifestPart[] = [];
  const sources = new Map<string, ParquetSource>();
  let fields: ManifestEntry["fields"] | null = null;
  const replaced = new Set<ManifestPart>();
  const add = (r: { part: ManifestPart; source?: ParquetSource; fields: ManifestEntry["fields"] }) => {
    parts.push(r.part);
    fields = r.fields;
    if (r.source) sources.set(r.part.file, r.source);
  };
  try {
    // Earlier months touched by the change: their month parts, spliced (or computed).
    const closed =
      days.first.slice(0, 7) < current
        ? {
            first: days.first,
            last: days.last.slice(0, 7) < current ? days.last : addDays(`${current}-01`, -1),
          }
        : null;
    for (
      let m = closed?.first.slice(0, 7) ?? current;
      closed && m <= closed.last.slice(0, 7);
      m = nextMonth(m)
    ) {
      const ended = prevDays.filter((p) => p.month === m);
      const prevMonth = prevParts.find((p) => p.month === m && !p.day);
      const span = clip(closed, m);
      if (ended.length > 0 || !span) continue; // merged below
      const w = prevMonth ? await spliceFile(ctx, def, kind, prevMonth, `${def.name}-${m}`, span) : null;
      if (prevMonth) replaced.add(prevMonth);
      if (w) {
        if (w.file.rows > 0)
          add({ part: { month: m, ...w.file }, fields: w.fields, ...(w.parquet && { source: w.parquet }) });
        else await w.parquet?.release?.();
        continue;
      }
      const fresh = await computeParts(ctx, def, { first: m, last: m });
      parts.push(...fresh.parts);
      for (const [f, src] of fresh.sources) sources.set(f, src);
      fields = fresh.fields ?? fields;
    }
    // Months that ended: their days become one month part (changed days recomputed first).
    for (const m of [...new Set(prevDays.map((p) => p.month))].filter((x) => x < current).sort()) {
      const ended = prevDays
        .filter((p) => p.month === m)
        .sort((a, b) => ((a.day as string) < (b.day as string) ? -1 : 1));
      for (const p of ended) replaced.add(p);
      const prevMonth = prevParts.find((p) => p.month === m && !p.day);
      if (prevMonth) replaced.add(prevMonth);
      const merged = prevMonth ? null : await mergeDays(ctx, def, kind, m, ended, days);
      if (merged) {
        add(merged);
        continue;
      }
      const fresh = await computeParts(ctx, def, { first: m, last: m });
      parts.push(...fresh.parts);
      for (const [f, src] of fresh.sources) sources.set(f, src);
      fields = fresh.fields ?? fields;
    }
    // Changed days of the current month: one part each.
    for (const d of daysOf({
      first: days.first > `${current}-01` ? days.first : `${current}-01`,
      last: days.last,
    })) {
      const prev = prevDays.find((p) => p.day === d);
      if (prev) replaced.add(prev);
      const w = await writeDayPart(ctx, def, kind, d);
      if (w) add(w);
    }
    const keep = prevParts.filter((p) => !replaced.has(p));
    return { parts, sources, fields, keep };
  } catch (e) {
    for (const src of sources.values()) await src.release?.();
    throw e;
  }
}
