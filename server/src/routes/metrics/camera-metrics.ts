import type { Family, MetricType } from "./prometheus-text.ts";

/** The per-camera health fields the metrics read (a structural slice of vision's `CameraHealth`). */
export interface CameraMetricsSource {
  readonly cameraId: string;
  readonly online: boolean;
  readonly lastFrameAt: number | null;
  readonly fps: number;
  readonly framesReceived: number;
  readonly framesProcessed: number;
  readonly framesDropped: number;
  readonly framesFailed: number;
  readonly restarts: number;
  readonly processMs: number | null;
}

/**
 * Per-camera families for Prometheus, like an NVR exports them: whether each real-video camera
 * is online, its frames by outcome, its processed frame rate, processing time and last-frame
 * age, so an alert rule can page when a camera stops or falls behind.
 */
export function cameraFamilies(cameras: readonly CameraMetricsSource[], now: number): Family[] {
  if (cameras.length === 0) return [];
  const family = (
    name: string,
    help: string,
    type: MetricType,
    value: (c: CameraMetricsSource) => number | null,
  ): Family => ({
    name,
    help,
    type,
    samples: cameras.flatMap((c) => {
      const v = value(c);
      return v === null ? [] : [{ name, labels: { camera: c.cameraId }, value: v }];
    }),
  });
  const frames: Family = {
    name: "citybrain_camera_frames_total",
    help: "Frames of a real-video camera by outcome (received, processed, dropped under overload, failed to decode).",
    type: "counter",
    samples: cameras.flatMap((c) =>
      (
        [
          ["received", c.framesReceived],
          ["processed", c.framesProcessed],
          ["dropped", c.framesDropped],
          ["failed", c.framesFailed],
        ] as const
      ).map(([outcome, value]) => ({
        name: "citybrain_camera_frames_total",
        labels: { camera: c.cameraId, outcome },
        value,
      })),
    ),
  };
  return [
    family(
      "citybrain_camera_online",
      "1 when the camera delivered a frame recently, else 0.",
      "gauge",
      (c) => (c.online ? 1 : 0),
    ),
    frames,
    family("citybrain_camera_fps", "Frames processed per second over the last 10 s.", "gauge", (c) => c.fps),
    family(
      "citybrain_camera_process_seconds",
      "Median time from taking a frame to its counts and events, recent frames.",
      "gauge",
      (c) => (c.processMs === null ? null : c.processMs / 1000),
    ),
    family(
      "citybrain_camera_last_frame_age_seconds",
      "Seconds since the camera's last frame arrived.",
      "gauge",
      (c) => (c.lastFrameAt === null ? null : Math.max(0, (now - c.lastFrameAt) / 1000)),
    ),
    family(
      "citybrain_camera_restarts_total",
      "Times the camera's source was restarted after failing.",
      "counter",
      (c) => c.restarts,
    ),
  ].filter((f) => f.samples.length > 0);
}
