import type { CameraHealth } from "../pipeline/camera-health.ts";

/** Health of a camera that has no pipeline (the detector could not start). */
export function offlineHealth(cameraId: string, reason: string): CameraHealth {
  return {
    cameraId,
    state: "offline",
    online: false,
    reason,
    lastFrameAt: null,
    lastFrameTimestamp: null,
    fps: 0,
    framesReceived: 0,
    framesProcessed: 0,
    framesDropped: 0,
    framesFailed: 0,
    restarts: 0,
    lastError: reason,
    processMs: null,
  };
}
