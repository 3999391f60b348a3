import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { PushFrameError, probeFrame, type PushFrameErrorCode } from "@citybrain/vision";
import { apiError } from "../../errors.ts";
import type { CameraSource } from "./camera-source.ts";
import type { PushFrameResult } from "./camera-schemas.ts";
import { parseFrameTime } from "./frame-time.ts";

/** Default largest frame body: 8 MiB (a 4K JPEG is 1–3 MB). */
export const DEFAULT_MAX_FRAME_BYTES = 8 * 1024 * 1024;

/** Options of {@link pushFrameRoute}. */
export interface PushFrameRouteOptions {
  readonly vision: Pick<CameraSource, "pushTarget" | "push">;
  /**
   * Largest frame body in bytes; larger ones get 413 `body_too_large`.
   * @default 8 MiB
   * @example
   * pushFrameRoute({ vision, maxBytes: 2 * 1024 * 1024 });
   */
  readonly maxBytes?: number;
  /** Largest frame in pixels (413 `image_too_large`). @default 7680 × 4320 */
  readonly maxPixels?: number;
  /** How far a capture time may run ahead of the server clock, ms. @default 60 000 */
  readonly maxAheadMs?: number;
  /** Server clock (tests). @default Date.now */
  readonly now?: () => number;
}

/** Each refusal of the vision service as an HTTP status and error code. */
const REFUSALS: Record<PushFrameErrorCode, readonly [ContentfulStatusCode, string]> = {
  unknown_camera: [404, "unknown_camera"],
  not_push: [409, "not_push_camera"],
  unavailable: [503, "camera_unavailable"],
  not_an_image: [400, "not_an_image"],
  image_too_large: [413, "image_too_large"],
  out_of_order: [409, "out_of_order"],
};

const MEDIA_TYPES = ["image/jpeg", "image/png"];

function refusal(c: Context, e: PushFrameError): Response {
  const [status, code] = REFUSALS[e.code];
  if (status === 503) c.header("Retry-After", "5");
  const hint = e.code === "unknown_camera" ? " (see GET /api/cameras)" : "";
  return apiError(c, status, code, `${e.message}${hint}`, { camera: e.cameraId });
}

/**
 * `POST /cameras/:id/frames`: a camera, NVR or script pushes one JPEG or PNG frame of a camera
 * whose source is `push`. The header is checked with sharp (cheap, no pixel decode), then the
 * frame goes to the camera's keep-latest mailbox: 202 says whether it replaced a frame still
 * waiting for the detector. Capture time from `?ts=` or `X-Frame-Time`, default now.
 * @example
 * app.route("/api", pushFrameRoute({ vision, maxBytes: 8 * 1024 * 1024 }));
 */
export function pushFrameRoute(options: PushFrameRouteOptions): Hono {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const now = options.now ?? Date.now;
  const app = new Hono();
  app.post(
    "/cameras/:id/frames",
    bodyLimit({
      maxSize: maxBytes,
      onError: (c) =>
        apiError(
          c,
          413,
          "body_too_large",
          `camera "${c.req.param("id") ?? ""}": the frame exceeds ${maxBytes} bytes; send a smaller image or raise the server's --max-frame-bytes`,
          { limit: maxBytes },
        ),
    }),
    async (c) => {
      const id = c.req.param("id");
      try {
        options.vision.pushTarget(id);
        const contentType = c.req.header("Content-Type");
        const media = contentType?.split(";")[0]?.trim().toLowerCase();
        if (!media || !MEDIA_TYPES.includes(media)) {
          return apiError(
            c,
            415,
            "unsupported_media_type",
            `camera "${id}": send the frame as the raw body with Content-Type image/jpeg or image/png (got ${contentType ? `"${contentType}"` : "none"})`,
            { header: "Content-Type", got: contentType ?? null, expected: MEDIA_TYPES },
          );
        }
        const time = parseFrameTime({
          query: c.req.query("ts"),
          header: c.req.header("X-Frame-Time"),
          now: now(),
          maxAheadMs: options.maxAheadMs ?? 60_000,
        });
        if (!time.ok) return apiError(c, 400, "bad_frame_time", `camera "${id}": ${time.message}`);
        const image = new Uint8Array(await c.req.arrayBuffer());
        const probe = await probeFrame(id, image, { maxPixels: options.maxPixels });
        const { replaced } = options.vision.push(id, image, time.timestamp);
        const result: PushFrameResult = {
          cameraId: id,
          replaced,
          capturedAt: new Date(time.timestamp).toISOString(),
          ...probe,
          bytes: image.length,
        };
        return c.json(result, 202);
      } catch (e) {
        if (e instanceof PushFrameError) return refusal(c, e);
        throw e;
      }
    },
  );
  return app;
}
