import { open } from "node:fs/promises";
import { join } from "node:path";
import { Hono } from "hono";
import { readManifest, type Manifest } from "@citybrain/analytics";
import { apiError } from "../../errors.ts";
import { negotiateEncoding } from "./negotiate.ts";
import { parseRange } from "./parse-range.ts";

/** Options of {@link extractRoutes}. */
export interface ExtractRoutesOptions {
  /** Directory holding `manifest.json` and the `v<N>/` version directories. */
  readonly root: string;
}

/** The manifest as clients see it: each extract with the URL to fetch it from. */
export interface ClientManifest extends Manifest {
  readonly extracts: (Manifest["extracts"][number] & { readonly url: string })[];
}

async function readSlice(path: string, start: number, length: number): Promise<Uint8Array> {
  const fh = await open(path, "r");
  try {
    const buf = new Uint8Array(length);
    await fh.read(buf, 0, length, start);
    return buf;
  } finally {
    await fh.close();
  }
}

/**
 * `GET /manifest` and `GET /extracts/:name`: versioned Arrow IPC extracts with ETags,
 * precompressed br/gzip siblings and byte ranges.
 * @example
 * app.route("/api", extractRoutes({ root: "data/extracts" }));
 */
export function extractRoutes(options: ExtractRoutesOptions): Hono {
  const app = new Hono();

  app.get("/manifest", async (c) => {
    const m = await readManifest(options.root);
    if (!m) return apiError(c, 503, "not_ready", "no extracts have been published yet; retry shortly");
    const body: ClientManifest = {
      ...m,
      extracts: m.extracts.map((e) => ({ ...e, url: `/api/extracts/${e.name}?v=${m.version}` })),
    };
    c.header("Cache-Control", "no-cache");
    c.header("ETag", `"m${m.version}"`);
    if (c.req.header("If-None-Match") === `"m${m.version}"`) return c.body(null, 304);
    return c.json(body);
  });

  app.get("/extracts/:name", async (c) => {
    const name = c.req.param("name");
    const m = await readManifest(options.root);
    const entry = m?.extracts.find((e) => e.name === name);
    if (!m || !entry) {
      return apiError(c, 404, "unknown_extract", `no extract named "${name}"`, { param: "name" });
    }
    const coding = negotiateEncoding(c.req.header("Accept-Encoding"), entry.encodings);
    const etag = `"${entry.sha256.slice(0, 16)}-${coding?.coding ?? "identity"}"`;
    const pinned = c.req.query("v") === String(m.version);
    c.header("ETag", etag);
    c.header("Vary", "Accept-Encoding");
    c.header("Cache-Control", pinned ? "public, max-age=31536000, immutable" : "no-cache");
    c.header("Content-Type", "application/vnd.apache.arrow.stream");
    c.header("Accept-Ranges", "bytes");
    c.header("X-Extract-Version", String(m.version));
    c.header("X-Extract-Rows", String(entry.rows));
    if (c.req.header("If-None-Match") === etag) return c.body(null, 304);
    const path = join(options.root, m.dir, entry.file + (coding?.suffix ?? ""));
    const size = coding ? (entry.encodings[coding.coding] as number) : entry.bytes;
    if (coding) c.header("Content-Encoding", coding.coding);
    const range = parseRange(c.req.header("Range"), size);
    if (range === "unsatisfiable") {
      c.header("Content-Range", `bytes */${size}`);
      return apiError(c, 416, "range_not_satisfiable", `range outside 0-${size - 1}`, { header: "Range" });
    }
    const start = range?.start ?? 0;
    const length = (range?.end ?? size - 1) - start + 1;
    const body = await readSlice(path, start, length);
    if (range) {
      c.header("Content-Range", `bytes ${range.start}-${range.end}/${size}`);
      return c.body(body as Uint8Array<ArrayBuffer>, 206);
    }
    return c.body(body as Uint8Array<ArrayBuffer>, 200);
  });

  return app;
}
