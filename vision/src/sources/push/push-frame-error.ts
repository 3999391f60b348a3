/**
 * Why a pushed frame was refused, so an HTTP route can answer with the right status:
 * - `unknown_camera`: no camera with that id is configured;
 * - `not_push`: the camera's source is not `push` (it pulls its own frames);
 * - `unavailable`: the camera cannot take frames now (the detector did not start, or the service is stopping);
 * - `not_an_image`: the bytes are not a decodable JPEG or PNG;
 * - `image_too_large`: the image has more pixels than allowed;
 * - `out_of_order`: the capture time is earlier than the camera's previous frame.
 */
export type PushFrameErrorCode =
  "unknown_camera" | "not_push" | "unavailable" | "not_an_image" | "image_too_large" | "out_of_order";

/** A pushed frame that was refused; the message names the camera and says what to do. */
export class PushFrameError extends Error {
  override readonly name = "PushFrameError";

  constructor(
    readonly code: PushFrameErrorCode,
    readonly cameraId: string,
    message: string,
  ) {
    super(message);
  }
}
