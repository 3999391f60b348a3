import sharp from "sharp";
import { FrameError } from "../backend/inference-backend.ts";
import type { Box } from "../geometry/box.ts";
import type { RgbImage } from "../ocr/text-reader.ts";

/** A crop and where its top-left corner sits in the frame. */
export interface VehicleCrop extends RgbImage {
  left: number;
  top: number;
}

/**
 * Cuts a vehicle's box, grown by `padding` × its size on every side (plates sit at the box's
 * lower edge and boxes are loose), out of the full-resolution encoded frame as RGB pixels.
 * `frame` is the decoded size the box refers to; an undecodable frame rejects with a
 * {@link FrameError} naming the camera.
 */
export async function cropVehicle(
  image: Uint8Array,
  box: Box,
  frame: { width: number; height: number },
  cameraId: string,
  padding = 0.05,
): Promise<VehicleCrop> {
  const padX = (box.x2 - box.x1) * padding;
  const padY = (box.y2 - box.y1) * padding;
  const left = Math.max(0, Math.floor(box.x1 - padX));
  const top = Math.max(0, Math.floor(box.y1 - padY));
  const right = Math.min(frame.width, Math.ceil(box.x2 + padX));
  const bottom = Math.min(frame.height, Math.ceil(box.y2 + padY));
  if (right - left < 1 || bottom - top < 1)
    throw new Error(
      `camera "${cameraId}": vehicle box lies outside the ${frame.width}×${frame.height} frame`,
    );
  try {
    const { data, info } = await sharp(image, { failOn: "error" })
      .autoOrient()
      .extract({ left, top, width: right - left, height: bottom - top })
      .removeAlpha()
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, left, top };
  } catch (error) {
    throw new FrameError(cameraId, (error as Error).message);
  }
}
