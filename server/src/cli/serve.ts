import { serve } from "@hono/node-server";
import type { PresetName } from "@citybrain/datasets";
import { tongnanOutline, townCells } from "@citybrain/datasets/reference";
import { screenDistDir } from "@citybrain/screen/dist-path";
import { createApp } from "../app.ts";
import { prepareData } from "../bootstrap/prepare-data.ts";
import { log } from "./log.ts";

/** Options of `citybrain serve`. */
export interface ServeOptions {
  readonly preset: PresetName;
  readonly seed: number;
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
}

/** Prepares data, then serves the API and the screen until SIGINT/SIGTERM. */
export async function serveCommand(options: ServeOptions): Promise<void> {
  const { store, paths } = await prepareData({ ...options, log });
  const app = createApp({
    extractsRoot: paths.extracts,
    screenRoot: screenDistDir,
    reference: () => ({ outline: tongnanOutline(), towns: townCells() }),
    health: {
      store: async () => ({ ok: (await store.query("SELECT 1 AS ok")).length === 1 }),
    },
  });
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
    // The line tests and people look for: keep its shape.
    console.log(
      `citybrain listening on http://${options.host === "0.0.0.0" ? "localhost" : options.host}:${info.port}/`,
    );
  });
  const stop = (signal: string) => {
    log(`${signal}: shutting down`);
    server.close(() => {
      void store.close().then(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}
