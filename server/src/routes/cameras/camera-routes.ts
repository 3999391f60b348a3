import { Hono } from "hono";
import { apiError } from "../../errors.ts";
import type { CameraSource } from "./camera-source.ts";
import { pushFrameRoute, type PushFrameRouteOptions } from "./push-frame-route.ts";

/** Where alert evidence references point (`EvidenceStore`'s default `publicPrefix`). */
export const EVIDENCE_PREFIX = "vision-evidence/";

/** Options of {@link cameraRoutes}. */
export interface CameraRoutesOptions extends Omit<PushFrameRouteOptions, "vision"> {
  readonly vision: CameraSource;
}

/**
 * `GET /cameras` (real-video cameras and their health), `GET /cameras/:id/snapshot.jpg` (the
 * latest annotated frame: boxes, track ids, zones and lines drawn), `GET /vision-evidence/:name`
 * (an alert's evidence snapshot, the path its `evidence` field names) and
 * `POST /cameras/:id/frames` (frames pushed to `push` cameras, see {@link pushFrameRoute}).
 * @example
 * app.route("/api", cameraRoutes({ vision, maxBytes: 8 * 1024 * 1024 }));
 */
export function cameraRoutes(options: CameraRoutesOptions): Hono {
  const app = new Hono();
  app.get("/cameras", (c) => {
    c.header("Cache-Control", "no-store");
    return c.json({ cameras: options.vision.health().cameras });
  });
  // An alert row's `evidence` is a path under /api: GET /api/<evidence> shows its snapshot.
  app.get(`/${EVIDENCE_PREFIX}:name`, async (c) => {
    const name = c.req.param("name");
    const jpeg = /^[\w.-]+\.jpg$/.test(name)
      ? await options.vision.evidenceSnapshot?.(`${EVIDENCE_PREFIX}${name}`)
      : null;
    if (!jpeg) {
      return apiError(
        c,
        404,
        "unknown_evidence",
        `no evidence snapshot "${name}" (an alert's evidence is kept while retention allows)`,
        { param: "name" },
      );
    }
    c.header("Cache-Control", "private, no-cache");
    return c.body(new Uint8Array(jpeg), 200, { "Content-Type": "image/jpeg" });
  });

  app.get("/cameras/:id/snapshot.jpg", async (c) => {
    const id = c.req.param("id");
    const camera = options.vision.health().cameras.find((x) => x.cameraId === id);
    if (!camera) {
      return apiError(c, 404, "unknown_camera", `no real-video camera "${id}" (see GET /api/cameras)`, {
        param: "id",
      });
    }
    const jpeg = await options.vision.latestSnapshot(id);
    if (!jpeg) {
      c.header("Retry-After", "5");
      return apiError(
        c,
        503,
        "no_frame_yet",
        `camera "${id}" has no frame yet (${camera.reason ?? camera.state})`,
        {
          state: camera.state,
        },
      );
    }
    c.header("Content-Type", "image/jpeg");
    c.header("Cache-Control", "no-store");
    if (camera.lastFrameTimestamp)
      c.header("Last-Modified", new Date(camera.lastFrameTimestamp).toUTCString());
    return c.body(jpeg as Uint8Array<ArrayBuffer>);
  });
  app.route("/", pushFrameRoute(options));
  return app;
}
