/** How a pulling source is doing, for camera health (why a camera is offline). */
export interface SourceStatus {
  /** The last attempt to get a frame succeeded. */
  connected: boolean;
  /** The last failure, naming the camera and the URL; `null` once a frame arrives again. */
  lastError: string | null;
  /** Failures in a row (0 while connected). */
  consecutiveFailures: number;
  /** Times the source came back after failing. */
  reconnects: number;
  /** Wall-clock time of the last frame, ms since the epoch. */
  lastFrameAt: number | null;
  framesDelivered: number;
}
