import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { ExtractDef } from "./extract-defs.ts";
import type { ExtractFile, ManifestEntry, ManifestPart } from "./manifest.ts";
import { computeParts, computeWhole, type WriteContext } from "./compute-extract.ts";
import type { ParquetSource } from "./extract-finisher.ts";
import { definitionHash, reusePlan, type PublishChanges } from "./reuse-plan.ts";
import { filesOf, reuseFiles } from "./reuse-files.ts";
import { previousTimeKind, republishMonths } from "./publish-incremental.ts";
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

/**
 * Publishes one extract into the new version directory: reuses the previous version's files
 * where {@link reusePlan} allows (falling back to computing when a file is gone), computes the
 * rest.
 */
export async function publishExtract(
  ctx: WriteContext & { readonly previousDir: string | null },
  def: ExtractDef,
  previousEntry: ManifestEntry | undefined,
  changes: PublishChanges,
): Promise<PublishedExtract> {
  const definition = definitionHash(def, ctx.parquet);
  const previous = previousEntry?.definition === definition ? previousEntry : undefined;
  let plan = reusePlan(def, previous, changes);
  if (plan.kind !== "none" && previous && ctx.previousDir) {
    const span = plan;
    const keep =
      span.kind === "all"
        ? ownFiles(previous)
        : span.kind === "months"
          ? (previous.parts ?? []).filter((p) => p.month < span.first || p.month > span.last)
          : [];
    try {
      for (const f of keep) await reuseFiles(ctx.previousDir, ctx.dir, f);
    } catch {
      // A file of the previous version is gone: compute everything, after taking back the links
      // (new files are created exclusively, never written through a link into the old version).
      for (const f of keep) for (const name of filesOf(f)) await rm(join(ctx.dir, name), { force: true });
      plan = { kind: "none" };
    }
    if (plan.kind === "all") {
      return {
        entry: entryOf(def, definition, previous, previous.fields, previous.parts),
        reused: "all",
        sources: NONE,
      };
    }
    if (plan.kind === "days" && def.timeColumn) {
      const timed = { ...def, timeColumn: def.timeColumn };
      const kind = await previousTimeKind(ctx, timed, previous);
      const ctxPrev = { ...ctx, previousDir: ctx.previousDir };
      const w = await spliceFile(ctxPrev, timed, kind, previous, def.name, plan.days);
      if (w) {
        const sources = new Map(w.parquet ? [[w.file.file, w.parquet]] : []);
        return { entry: entryOf(def, definition, w.file, w.fields), reused: "some", sources };
      }
    }
    if (plan.kind === "months") {
      const fresh = await republishMonths({ ...ctx, previousDir: ctx.previousDir }, def, previous, plan);
      const parts = [...(keep as ManifestPart[]), ...fresh.parts].sort((a, b) =>
        a.month < b.month ? -1 : 1,
      );
      const newest = parts.at(-1);
      if (newest) {
        const fields = fresh.fields ?? previous.fields;
        return {
          entry: entryOf(def, definition, newest, fields, parts),
          reused: "some",
          sources: fresh.sources,
        };
      }
    }
  }
  if (def.partitionBy) {
    const all = await computeParts(ctx, def, null);
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
