import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { ExtractDef } from "./extract-defs.ts";
import { partKey, type ExtractFile, type ManifestEntry, type ManifestPart } from "./manifest.ts";
import { computeParts, computeWhole, type WriteContext } from "./compute-extract.ts";
import type { ParquetSource } from "./extract-finisher.ts";
import { definitionHash, reusePlan, type PublishChanges } from "./reuse-plan.ts";
import { filesOf, reuseFiles } from "./reuse-files.ts";
import { previousTimeKind, republishDayLocal } from "./publish-incremental.ts";
import { spliceFile } from "./splice-days.ts";

/** How much of an extract came from the previous version. */
export type Reuse = "all" | "some" | "none";

/** What one extract's publish did. */
export interface PublishedExtract {
  readonly entry: ManifestEntry;
  readonly reused: Reuse;
  /** Where the Parquet siblings of the files computed now come from, by Arrow file name. */
  readonly sources: ReadonlyMap<string, ParquetSource>;
}

const NONE: ReadonlyMap<string, ParquetSource> = new Map();

/** The files an entry owns on disk: its parts, or itself when it has none. */
const ownFiles = (e: ManifestEntry): readonly ExtractFile[] => (e.parts?.length ? e.parts : [e]);

function fileFields(f: ExtractFile): ExtractFile {
  const { file, rows, bytes, sha256, encodings, timeRange, parquet } = f;
  return { file, rows, bytes, sha256, encodings, timeRange, ...(parquet && { parquet }) };
}

function entryOf(
  def: ExtractDef,
  definition: string,
  file: ExtractFile,
  fields: ManifestEntry["fields"],
  parts?: readonly ManifestPart[],
): ManifestEntry {
  return {
    name: def.name,
    title: def.title,
    format: "arrow-ipc-stream",
    ...fileFields(file),
    fields,
    role: def.role ?? "first-paint",
    ...(def.streams && { streams: def.streams }),
    definition,
    ...(def.partitionBy && { partitionBy: def.partitionBy, parts: parts ?? [] }),
  };
}

/** Links `files` of the previous version into the new one; false (links taken back) when one is gone. */
async function linkAll(ctx: WriteContext & { readonly previousDir: string }, files: readonly ExtractFile[]) {
  try {
    for (const f of files) await reuseFiles(ctx.previousDir, ctx.dir, f);
    return true;
  } catch {
    // New files are created exclusively, never written through a link into the old version.
    for (const f of files) for (const name of filesOf(f)) await rm(join(ctx.dir, name), { force: true });
    return false;
  }
}

const byKey = (a: ManifestPart, b: ManifestPart) => (partKey(a) < partKey(b) ? -1 : 1);

/**
 * Publishes one extract into the new version directory: reuses the previous version's files
 * where {@link reusePlan} allows (falling back to computing when a file is gone), splices the
 * changed days of day-local extracts, computes the rest.
 */
export async function publishExtract(
  ctx: WriteContext & { readonly previousDir: string | null },
  def: ExtractDef,
  previousEntry: ManifestEntry | undefined,
  changes: PublishChanges,
): Promise<PublishedExtract> {
  const definition = definitionHash(def, ctx.parquet);
  const previous = previousEntry?.definition === definition ? previousEntry : undefined;
  const plan = reusePlan(def, previous, changes);
  const prevDir = ctx.previousDir;
  if (plan.kind !== "none" && previous && prevDir) {
    const pctx = { ...ctx, previousDir: prevDir };
    const timed = def.timeColumn ? { ...def, timeColumn: def.timeColumn } : null;
    if (plan.kind === "all" && (await linkAll(pctx, ownFiles(previous)))) {
      const entry = entryOf(def, definition, previous, previous.fields, previous.parts);
      return { entry, reused: "all", sources: NONE };
    }
    if (plan.kind === "days" && timed) {
      const kind = await previousTimeKind(ctx, timed, previous);
      const w = await spliceFile(pctx, timed, kind, previous, def.name, plan.days);
      if (w) {
        const sources = new Map(w.parquet ? [[w.file.file, w.parquet]] : []);
        return { entry: entryOf(def, definition, w.file, w.fields), reused: "some", sources };
      }
    }
    if (plan.kind === "months" && plan.days && timed && def.partitionBy) {
      const r = await republishDayLocal(pctx, timed, previous, plan.days);
      if (await linkAll(pctx, r.keep)) {
        const parts = [...r.keep, ...r.parts].sort(byKey);
        const top = parts.at(-1);
        if (top) {
          const entry = entryOf(def, definition, top, r.fields ?? previous.fields, parts);
          return { entry, reused: "some", sources: r.sources };
        }
      }
      // The links failed, or nothing is left: compute everything (after dropping what was written).
      for (const src of r.sources.values()) await src.release?.();
      for (const p of r.parts) for (const name of filesOf(p)) await rm(join(ctx.dir, name), { force: true });
    } else if (plan.kind === "months") {
      const keep = (previous.parts ?? []).filter((p) => p.month < plan.first || p.month > plan.last);
      if (await linkAll(pctx, keep)) {
        const fresh = await computeParts(ctx, def, plan);
        const parts = [...keep, ...fresh.parts].sort(byKey);
        const top = parts.at(-1);
        if (top) {
          const entry = entryOf(def, definition, top, fresh.fields ?? previous.fields, parts);
          return { entry, reused: "some", sources: fresh.sources };
        }
        for (const src of fresh.sources.values()) await src.release?.();
        for (const f of keep) for (const name of filesOf(f)) await rm(join(ctx.dir, name), { force: true });
      }
    }
  }
  if (def.partitionBy) {
    const all = await computeParts(ctx, def, null, def.incremental === "day");
    const top = all.parts.at(-1) ?? all.empty?.file;
    if (!top || !all.fields) throw new Error(`extract "${def.name}": wrote no file`);
    return {
      entry: entryOf(def, definition, top, all.fields, all.parts),
      reused: "none",
      sources: all.sources,
    };
  }
  const whole = await computeWhole(ctx, def);
  const sources = new Map(whole.parquet ? [[whole.file.file, whole.parquet]] : []);
  return { entry: entryOf(def, definition, whole.file, whole.fields), reused: "none", sources };
}
