// Test support only: serves a built screen (dist/) and the server's data contract from memory.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".json": "application/json",
};

/** What the fixture server answers. */
export interface FixtureData {
  distDir: string;
  manifest: unknown;
  /** Extract bytes by URL path, e.g. `/api/extracts/energy_daily_town.arrow`. */
  extracts: Record<string, Uint8Array>;
  outline: unknown;
  towns: unknown;
  /** Delay every API answer (ms), to see loading states. */
  delayMs?: number;
  /**
   * More API answers by path (e.g. `/api/cameras`), with a status: read on every request, so a
   * test can change them while the page runs.
   */
  routes?: Record<string, () => { status?: number; type: string; body: Uint8Array | string }>;
}

/** Start the server on a free port; resolves to its base URL and a close function. */
export async function startFixtureServer(
  data: FixtureData,
): Promise<{ url: string; close(): Promise<void>; server: Server }> {
  const api: Record<string, () => { type: string; body: Uint8Array | string }> = {
    "/api/manifest": () => ({ type: "application/json", body: JSON.stringify(data.manifest) }),
    "/api/reference/outline.geojson": () => ({
      type: "application/geo+json",
      body: JSON.stringify(data.outline),
    }),
    "/api/reference/towns.geojson": () => ({
      type: "application/geo+json",
      body: JSON.stringify(data.towns),
    }),
  };
  for (const [path, bytes] of Object.entries(data.extracts))
    api[path] = () => ({ type: "application/vnd.apache.arrow.stream", body: bytes });
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const send = (type: string, body: Uint8Array | string, cache = "no-cache"): void => {
      const raw =
        typeof body === "string"
          ? Buffer.from(body)
          : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
      const headers: Record<string, string> = { "content-type": type, "cache-control": cache };
      if (gzip && raw.length > 1024) {
        headers["content-encoding"] = "gzip";
        res.writeHead(200, headers).end(gzipSync(raw, { level: 1 }));
      } else res.writeHead(200, headers).end(raw);
    };
    const route = data.routes?.[path];
    if (route) {
      const { status = 200, type, body } = route();
      res.writeHead(status, { "content-type": type, "cache-control": "no-store" }).end(body);
      return;
    }
    const answer = api[path];
    if (answer) {
      const { type, body } = answer();
      setTimeout(() => send(type, body), data.delayMs ?? 0);
      return;
    }
    const file =
      path === "/" || path === "/wall"
        ? "index.html"
        : normalize(path)
            .replace(/^(\.\.[/\\])+/, "")
            .slice(1);
    const full = join(data.distDir, file);
    if (!full.startsWith(data.distDir) || !existsSync(full) || !statSync(full).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end(`not found: ${path}`);
      return;
    }
    const type = TYPES[extname(full)] ?? "application/octet-stream";
    if (gzip && existsSync(`${full}.gz`)) {
      res
        .writeHead(200, {
          "content-type": type,
          "content-encoding": "gzip",
          "cache-control": "max-age=31536000",
        })
        .end(readFileSync(`${full}.gz`));
    } else send(type, readFileSync(full), "max-age=31536000");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
