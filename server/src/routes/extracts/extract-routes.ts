import { join } from "node:path";
import { Hono, type Context } from "hono";
import type { ExtractFile, Manifest } from "@citybrain/analytics";
import { apiError } from "../../errors.ts";
import { openChecked, readRange, type CheckedFile, type FileProblem } from "./extract-file.ts";
import { ManifestSource, type ManifestState } from "./manifest-source.ts";
import { negotiateEncoding } from "./negotiate.ts";
import { parseRange } from "./parse-range.ts";

/** A part's key in URLs: its month `YYYY-MM`, or `YYYY-MM-DD` for a day of a day-local extract's current month. */
const partKey = (p: { readonly month: string; readonly day?: string }): string => p.day ?? p.month;

/** Options of {@link extractRoutes}. */
export interface ExtractRoutesOptions {
  /** Directory holding `manifest.json` and the `v<N>/` version directories. */
  readonly root: string;
}

/** The manifest as clients see it: each extract (and each monthly part) with its URLs. */
export interface ClientManifest extends Manifest {
  readonly extracts: (Manifest["extracts"][number] & {
    readonly url: string;
    readonly parquetUrl?: string;
  })[];
}

function clientManifest(m: Manifest): ClientManifest {
  const v = `?v=${m.version}`;
  return {
    ...m,
    extracts: m.extracts.map((e) => ({
      ...e,
      url: `/api/extracts/${e.name}${v}`,
      ...(e.parquet ? { parquetUrl: `/api/extracts/${e.name}/parquet${v}` } : {}),
      ...(e.parts
        ? {
            parts: e.parts.map((p) => ({
              ...p,
              url: `/api/extracts/${e.name}/parts/${partKey(p)}${v}`,
              ...(p.parquet ? { parquetUrl: `/api/extracts/${e.name}/parts/${partKey(p)}/parquet${v}` } : {}),
            })),
          }
        : {}),
    })),
  };
}

/** A file picked from a manifest entry, or why there is none (404 naming the parameter). */
type PickError = { readonly missing: string; readonly code: string; readonly param: string };
type PickedFile = { readonly kind: "arrow" | "parquet"; readonly file: ExtractFile } | PickError;

/** Seconds a client should wait before asking again after a 503. */
const RETRY_AFTER_S = 5;

function unavailable(c: Context, code: string, message: string, details?: Record<string, unknown>): Response {
  c.header("Retry-After", String(RETRY_AFTER_S));
  c.header("Cache-Control", "no-store");
  return apiError(c, 503, code, message, details);
}

/** Marks an answer made from the last good manifest while the current one is broken. */
function markStale(c: Context, state: ManifestState): void {
  if (state.manifest && state.stale) c.header("X-Extracts-Stale", state.stale);
}

async function openEntry(
  root: string,
  m: Manifest,
  entry: ExtractFile,
  accept: string | undefined,
): Promise<{ file: CheckedFile; coding: ReturnType<typeof negotiateEncoding> } | FileProblem> {
  const base = join(root, m.dir, entry.file);
  const coding = negotiateEncoding(accept, entry.encodings);
  if (coding) {
    const file = await openChecked(base + coding.suffix, entry.encodings[coding.coding] as number);
    if (!("problem" in file)) return { file, coding };
    // A broken precompressed sibling is no reason to fail: the identity file serves everyone.
  }
  const file = await openChecked(base, entry.bytes, entry.sha256 || undefined);
  return "problem" in file ? file : { file, coding: null };
}

/**
 * `GET /manifest` and `GET /extracts/:name`: versioned Arrow IPC extracts with ETags,
 * precompressed br/gzip siblings and byte ranges. A broken or missing manifest keeps the last good
 * one serving (`X-Extracts-Stale`); with none known, and for a missing or corrupt extract file
 * (size or sha256 not as the manifest says), the answer is 503 with `Retry-After`.
 * @example
 * app.route("/api", extractRoutes({ root: "data/extracts" }));
 */
export function extractRoutes(options: ExtractRoutesOptions): Hono {
  const app = new Hono();
  const source = new ManifestSource(options.root);

  app.get("/manifest", async (c) => {
    const state = await source.current();
    const m = state.manifest;
    if (!m) return unavailable(c, state.code, `${state.reason}; retry shortly`);
    markStale(c, state);
    const body = clientManifest(m);
    c.header("Cache-Control", "no-cache");
    c.header("ETag", `"m${m.version}"`);
    if (c.req.header("If-None-Match") === `"m${m.version}"`) return c.body(null, 304);
    return c.json(body);
  });

  /** Serves one Arrow file (a whole extract or a monthly part) or its Parquet sibling. */
  const serve = async (
    c: Context,
    pick: (e: Manifest["extracts"][number]) => PickedFile,
  ): Promise<Response> => {
    const name = c.req.param("name") ?? "";
    const state = await source.current();
    const m = state.manifest;
    if (!m) return unavailable(c, state.code, `${state.reason}; retry shortly`);
    markStale(c, state);
    const entry = m.extracts.find((e) => e.name === name);
    if (!entry) return apiError(c, 404, "unknown_extract", `no extract named "${name}"`, { param: "name" });
    const picked = pick(entry);
    if ("missing" in picked) return apiError(c, 404, picked.code, picked.missing, { param: picked.param });
    const parquet = picked.kind === "parquet";
    const desc: ExtractFile = parquet
      ? // Parquet siblings carry no digest of their own: checked by size only.
        {
          ...picked.file,
          file: picked.file.parquet?.file ?? "",
          bytes: picked.file.parquet?.bytes ?? 0,
          sha256: "",
          encodings: {},
        }
      : picked.file;
    const opened = await openEntry(
      options.root,
      m,
      desc,
      parquet ? undefined : c.req.header("Accept-Encoding"),
    );
    if ("problem" in opened) {
      return unavailable(
        c,
        "extract_unavailable",
        `extract "${name}" (${m.dir}/${desc.file}) is ${opened.problem}: ${opened.detail}; the next publish replaces it, retry shortly`,
        { name, version: m.version, problem: opened.problem },
      );
    }
    const { file, coding } = opened;
    try {
      const etag = `"${picked.file.sha256.slice(0, 16)}-${parquet ? "parquet" : (coding?.coding ?? "identity")}"`;
      const pinned = c.req.query("v") === String(m.version);
      c.header("ETag", etag);
      c.header("Vary", "Accept-Encoding");
      c.header("Cache-Control", pinned && !state.stale ? "public, max-age=31536000, immutable" : "no-cache");
      c.header(
        "Content-Type",
        parquet ? "application/vnd.apache.parquet" : "application/vnd.apache.arrow.stream",
      );
      if (parquet) c.header("Content-Disposition", `attachment; filename="${desc.file}"`);
      c.header("Accept-Ranges", "bytes");
      c.header("X-Extract-Version", String(m.version));
      c.header("X-Extract-Rows", String(desc.rows));
      if (c.req.header("If-None-Match") === etag) return c.body(null, 304);
      if (coding) c.header("Content-Encoding", coding.coding);
      const range = parseRange(c.req.header("Range"), file.size);
      if (range === "unsatisfiable") {
        c.header("Content-Range", `bytes */${file.size}`);
        return apiError(c, 416, "range_not_satisfiable", `range outside 0-${file.size - 1}`, {
          header: "Range",
        });
      }
      const start = range?.start ?? 0;
      const length = (range?.end ?? file.size - 1) - start + 1;
      const bytes = await readRange(file.fh, start, length);
      if (!bytes) {
        c.header("Content-Encoding", undefined);
        return unavailable(
          c,
          "extract_unavailable",
          `extract "${name}" was truncated while being read; retry`,
        );
      }
      if (range) {
        c.header("Content-Range", `bytes ${range.start}-${range.end}/${file.size}`);
        return c.body(bytes as Uint8Array<ArrayBuffer>, 206);
      }
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200);
    } finally {
      await file.fh.close();
    }
  };

  const part = (c: Context, e: Manifest["extracts"][number]): ExtractFile | PickError => {
    const month = c.req.param("month") ?? "";
    const found = e.parts?.find((p) => partKey(p) === month);
    if (found) return found;
    const months = e.parts?.map(partKey) ?? [];
    return {
      missing: e.parts
        ? `extract "${e.name}" has no part "${month}" (it has ${months[0]} … ${months[months.length - 1]})`
        : `extract "${e.name}" is not split by month`,
      code: "unknown_part",
      param: "month",
    };
  };
  const parquetOf = (f: ExtractFile | PickError, what: string): PickedFile =>
    "missing" in f
      ? f
      : f.parquet
        ? { kind: "parquet", file: f }
        : {
            missing: `${what} has no Parquet file (published without Parquet)`,
            code: "no_parquet",
            param: "name",
          };

  app.get("/extracts/:name", (c) => serve(c, (e) => ({ kind: "arrow", file: e })));
  app.get("/extracts/:name/parquet", (c) => serve(c, (e) => parquetOf(e, `extract "${e.name}"`)));
  app.get("/extracts/:name/parts/:month", (c) =>
    serve(c, (e) => {
      const f = part(c, e);
      return "missing" in f ? f : { kind: "arrow", file: f };
    }),
  );
  app.get("/extracts/:name/parts/:month/parquet", (c) =>
    serve(c, (e) => parquetOf(part(c, e), `extract "${e.name}" month ${c.req.param("month")}`)),
  );

  return app;
}
