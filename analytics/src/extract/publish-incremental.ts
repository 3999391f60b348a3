import { computeParts, timeKind, type WriteContext } from "./compute-extract.ts";
import type { ExtractDef } from "./extract-defs.ts";
import type { ParquetSource } from "./extract-finisher.ts";
import type { ManifestEntry, ManifestPart } from "./manifest.ts";
import { nextMonth, type TimeKind } from "./month-parts.ts";
import { spliceFile, type DaySpan } from "./splice-days.ts";

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

/** What republishing some months of a partitioned extract wrote. */
export interface RepublishedMonths {
  readonly parts: ManifestPart[];
  readonly sources: Map<string, ParquetSource>;
  readonly fields: ManifestEntry["fields"] | null;
}

/**
 * Writes the months `first` … `last` of a partitioned extract anew. With `days` (a day-local
 * extract), a month with a previous part is spliced: only those days are recomputed. Every
 * other month (new, or whose previous part cannot be spliced) is computed in full.
 */
export async function republishMonths(
  ctx: Ctx,
  def: ExtractDef,
  previous: ManifestEntry,
  plan: { readonly first: string; readonly last: string; readonly days: DaySpan | null },
): Promise<RepublishedMonths> {
  const parts: ManifestPart[] = [];
  const sources = new Map<string, ParquetSource>();
  let fields: ManifestEntry["fields"] | null = null;
  const full: string[] = [];
  const timed = def.timeColumn ? (def as ExtractDef & { readonly timeColumn: string }) : null;
  const kind = plan.days && timed ? await previousTimeKind(ctx, timed, previous) : null;
  try {
    for (let m = plan.first; m <= plan.last; m = nextMonth(m)) {
      const prev = previous.parts?.find((p) => p.month === m);
      const days = plan.days && clip(plan.days, m);
      const w =
        prev && days && kind && timed
          ? await spliceFile(ctx, timed, kind, prev, `${def.name}-${m}`, days)
          : null;
      if (!w) {
        full.push(m);
        continue;
      }
      fields = w.fields;
      if (w.parquet) sources.set(w.file.file, w.parquet);
      if (w.file.rows > 0) parts.push({ month: m, ...w.file });
      else await w.parquet?.release?.();
    }
    for (const m of full) {
      const fresh = await computeParts(ctx, def, { first: m, last: m });
      parts.push(...fresh.parts);
      for (const [f, src] of fresh.sources) sources.set(f, src);
      fields = fresh.fields ?? fields;
    }
  } catch (e) {
    for (const src of sources.values()) await src.release?.();
    throw e;
  }
  return { parts, sources, fields };
}
