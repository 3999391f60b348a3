/** One camera's state, as `GET /cameras` lists it (the vision service's `CameraHealth`; fields the routes read). */
export interface CameraStatus {
  readonly cameraId: string;
  readonly state: string;
  readonly online: boolean;
  readonly reason: string | null;
  readonly lastFrameTimestamp: number | null;
  readonly fps: number;
}

/** What the camera routes need from the vision service (a structural slice of `VisionService`). */
export interface CameraSource {
  health(): { readonly cameras: readonly CameraStatus[] };
  latestSnapshot(cameraId: string): Promise<Uint8Array | null>;
  /** An alert's evidence JPEG by its reference (`vision-evidence/<file>.jpg`), or null. */
  evidenceSnapshot?(reference: string): Promise<Uint8Array | null>;
  /** Throws a `PushFrameError` unless the camera takes pushed frames now. */
  pushTarget(cameraId: string): unknown;
  /** Hands a checked frame to a push camera; throws a `PushFrameError` (e.g. `out_of_order`). */
  push(cameraId: string, image: Uint8Array, timestamp?: number): { readonly replaced: boolean };
}
