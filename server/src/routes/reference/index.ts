import { Hono } from "hono";
import { apiError } from "../../errors.ts";

/** GeoJSON documents the screen draws its map from (GCJ-02 lon/lat). */
export interface ReferenceData {
  /** The district outline (a Feature). */
  readonly outline: unknown;
  /** Town and street cells (a FeatureCollection with code, name, kind, approximate). */
  readonly towns: unknown;
}

/**
 * `GET /reference/outline.geojson` and `GET /reference/towns.geojson`.
 * @example
 * app.route("/api", referenceRoutes({ load: () => ({ outline, towns }) }));
 */
export function referenceRoutes(options: { readonly load: () => ReferenceData }): Hono {
  const app = new Hono();
  let cached: Record<string, string> | undefined;
  const docs = () => {
    if (!cached) {
      const d = options.load();
      cached = { "outline.geojson": JSON.stringify(d.outline), "towns.geojson": JSON.stringify(d.towns) };
    }
    return cached;
  };
  app.get("/reference/:file", (c) => {
    const file = c.req.param("file");
    const body = docs()[file];
    if (body === undefined) {
      return apiError(c, 404, "unknown_reference", `no reference file "${file}"`, {
        param: "file",
        expected: Object.keys(docs()),
      });
    }
    c.header("Content-Type", "application/geo+json; charset=utf-8");
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(body);
  });
  return app;
}
