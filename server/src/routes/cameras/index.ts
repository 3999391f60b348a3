import { Hono } from "hono";
import { apiError } from "../../errors.ts";

/** What the camera routes need from the vision service (a structural slice of `VisionService`). */
export interface CameraSource {
  health(): { readonly cameras: readonly CameraStatus[] };
  latestSnapshot(cameraId: string): Promise<Uint8Array | null>;
}

/** One real-video camera's state, as `GET /cameras` lists it. */
export interface CameraStatus {
  readonly cameraId: string;
  readonly state: string;
  readonly online: boolean;
  readonly reason: string | null;
  readonly lastFrameTimestamp: number | null;
  readonly fps: number;
}

/**
 * `GET /cameras` (real-video cameras and their health) and `GET /cameras/:id/snapshot.jpg` (the
 * latest annotated frame: boxes, track ids, zones and lines drawn).
 * @example
 * app.route("/api", cameraRoutes({ vision }));
 */
export function cameraRoutes(options: { readonly vision: CameraSource }): Hono {
  const app = new Hono();
  app.get("/cameras", (c) => {
    c.header("Cache-Control", "no-store");
    return c.json({ cameras: options.vision.health().cameras });
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
  return app;
}
