import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";

/** Client-side routes of the screen app that all load its index.html. */
export const SCREEN_ROUTES = ["/", "/wall", "/reports", "/briefing"] as const;

/**
 * Serves the built screen: hashed assets cached for a year, index.html never cached, with
 * precompressed siblings when the build made them.
 * @example
 * app.route("/", screenRoutes({ root: screenDistDir }));
 */
export function screenRoutes(options: { readonly root: string }): Hono {
  const app = new Hono();
  const indexPath = join(options.root, "index.html");
  const index = () =>
    existsSync(indexPath)
      ? readFileSync(indexPath, "utf8")
      : `<!doctype html><meta charset="utf-8"><title>潼南区城市大脑</title><p>界面尚未构建：请先运行 npm run build。Screen not built: run npm run build.</p>`;
  for (const route of SCREEN_ROUTES) {
    app.get(route, (c) => {
      c.header("Cache-Control", "no-cache");
      return c.html(index());
    });
  }
  app.use("/assets/*", async (c, next) => {
    await next();
    if (c.res.status === 200) c.header("Cache-Control", "public, max-age=31536000, immutable");
  });
  app.use("/*", serveStatic({ root: options.root, precompressed: true }));
  return app;
}
