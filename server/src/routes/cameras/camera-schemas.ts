import { z } from "zod";

/** One camera as `GET /cameras` lists it (the vision service's `CameraStatus`: health, name, place). */
export const cameraHealthSchema = z.object({
  cameraId: z.string(),
  name: z.string().describe("display name from the camera config (its id when the config has none)"),
  townCode: z.string().describe("town (街道/镇) code"),
  roadId: z.string().nullable(),
  lon: z.number().nullable().describe("WGS-84 longitude"),
  lat: z.number().nullable().describe("WGS-84 latitude"),
  state: z
    .enum(["starting", "online", "offline", "ended", "stopped"])
    .describe("starting until the first frame; offline while the source fails or frames stopped"),
  online: z.boolean().describe("a frame arrived recently (within max(5 s, 5 frame intervals))"),
  reason: z.string().nullable().describe("why the camera is not online"),
  lastFrameAt: z.number().nullable().describe("server time the last frame arrived, epoch ms"),
  lastFrameTimestamp: z.number().nullable().describe("capture time of the last processed frame, epoch ms"),
  fps: z.number().describe("frames processed per second over the last 10 s"),
  framesReceived: z.number().int(),
  framesProcessed: z.number().int(),
  framesDropped: z
    .number()
    .int()
    .describe("replaced by a newer frame before the detector took them (keep-latest), or refused"),
  framesFailed: z.number().int().describe("frames the detector could not decode"),
  restarts: z.number().int(),
  lastError: z.string().nullable(),
  processMs: z.number().nullable().describe("median ms from taking a frame to its counts and events"),
  plates: z
    .object({
      attempts: z.number().int().describe("OCR runs started"),
      reads: z.number().int().describe("runs that found a plate at minConfidence or better"),
      events: z.number().int().describe("plate-read events raised (one per track at most)"),
      skippedBusy: z.number().int().describe("reads deferred because maxInFlight runs were busy"),
      failed: z.number().int(),
      inFlight: z.number().int(),
      lastOcrMs: z.number().nullable(),
    })
    .optional()
    .describe("plate reading counters, for cameras with `plates` enabled"),
});

/** `GET /cameras`. */
export const cameraListSchema = z.object({ cameras: z.array(cameraHealthSchema) });

/** `POST /cameras/:id/frames` query. */
export const pushFrameQuery = z.object({
  ts: z
    .string()
    .optional()
    .describe("capture time, ISO-8601 with a zone (wins over the X-Frame-Time header); default: now"),
});

/** `POST /cameras/:id/frames` answer (202). */
export const pushFrameResultSchema = z.object({
  cameraId: z.string(),
  replaced: z
    .boolean()
    .describe(
      "an earlier frame was still waiting for the detector and this one replaced it (the camera keeps only its newest frame)",
    ),
  capturedAt: z.string().describe("capture time used, ISO-8601 UTC"),
  format: z.enum(["jpeg", "png"]),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
});
/** The 202 body of a pushed frame. */
export type PushFrameResult = z.infer<typeof pushFrameResultSchema>;
