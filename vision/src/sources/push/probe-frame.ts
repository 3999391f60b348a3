import sharp from "sharp";
import { PushFrameError } from "./push-frame-error.ts";

/** Default pixel limit of {@link probeFrame}: 8K UHD (7680 × 4320). */
export const MAX_FRAME_PIXELS = 7680 * 4320;

/** What {@link probeFrame} learned from an image's header. */
export interface FrameProbe {
  format: "jpeg" | "png";
  width: number;
  height: number;
}

/**
 * Checks that pushed bytes are a JPEG or PNG of sane size by reading only the header (sharp
 * metadata: no pixel decode, well under a millisecond), so garbage is refused at the door with
 * a clear message instead of failing later in a detector worker.
 * @throws {PushFrameError} `not_an_image` (names the camera and what the bytes look like) or
 *   `image_too_large` (more than `maxPixels`, default {@link MAX_FRAME_PIXELS}).
 * @example
 * const { format, width, height } = await probeFrame("gate-3", body);
 */
export async function probeFrame(
  cameraId: string,
  image: Uint8Array,
  options: { maxPixels?: number } = {},
): Promise<FrameProbe> {
  const maxPixels = options.maxPixels ?? MAX_FRAME_PIXELS;
  const refuse = (why: string): PushFrameError =>
    new PushFrameError(
      "not_an_image",
      cameraId,
      `camera "${cameraId}": the frame is not a JPEG or PNG image (${why})`,
    );
  if (image.length === 0) throw refuse("the body is empty");
  const meta = await sharp(image, { limitInputPixels: false })
    .metadata()
    .catch((error: unknown) => {
      // libvips repeats its complaint over several lines; the first says it.
      const why = String((error as Error).message).split("\n")[0];
      throw refuse(`${image.length} bytes that cannot be decoded: ${why}`);
    });
  const { format, width, height } = meta;
  if (format !== "jpeg" && format !== "png") throw refuse(`it is ${format ?? "an unknown format"}`);
  if (!width || !height) throw refuse("it has no width or height");
  if (width * height > maxPixels) {
    throw new PushFrameError(
      "image_too_large",
      cameraId,
      `camera "${cameraId}": the frame is ${width}×${height} pixels; at most ${maxPixels} pixels are accepted (scale it down)`,
    );
  }
  return { format, width, height };
}
