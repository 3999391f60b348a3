import type { EncodedFrame } from "../backend/inference-backend.ts";
import type { SourceStatus } from "./source-status.ts";

/**
 * Where a camera's frames come from: a video file or RTSP stream through ffmpeg, frames pushed
 * by the camera, or HTTP snapshots. Implementations share one contract test
 * (`frame-source-contract.test.ts`).
 */
export interface FrameSource {
  readonly cameraId: string;
  /** Encoded frames in capture order; ends when the source ends, throws when it fails. */
  frames(): AsyncIterable<EncodedFrame>;
  /** Stops the source; a running `frames()` loop ends without an error. */
  close(): Promise<void>;
  /** What the camera waits for until its first frame, e.g. "its first frame from ffmpeg reading rtsp://…". */
  readonly waitingFor?: string;
  /** Connection state of sources that retry by themselves (HTTP snapshots). */
  status?(): SourceStatus;
}
