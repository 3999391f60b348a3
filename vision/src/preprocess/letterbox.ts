import sharp from "sharp";
import type { InputSpec } from "../models/model-spec.ts";
import { rgbToTensor } from "./rgb-to-tensor.ts";

/** Where the source image sits inside the letterboxed input, to map boxes back. */
export interface LetterboxGeometry {
  /** Size of the decoded source image in pixels. */
  sourceWidth: number;
  sourceHeight: number;
  /** Side of the square model input. */
  size: number;
  /** Input pixels per source pixel. */
  scale: number;
  /** Left and top padding, in input pixels. */
  padX: number;
  padY: number;
}

/** A model-ready float tensor and the geometry that produced it. */
export interface LetterboxedImage extends LetterboxGeometry {
  /** `[1, size, size, 3]` (NHWC) or `[1, 3, size, size]` (NCHW) floats, normalised per the spec. */
  data: Float32Array;
  dims: [number, number, number, number];
}

/** How to build the input; defaults suit CenterNet (RGB 0–255, NHWC, black padding). */
export type LetterboxOptions = Pick<InputSpec, "layout" | "colour" | "mean" | "std" | "padValue">;

const DEFAULTS: LetterboxOptions = {
  layout: "NHWC",
  colour: "RGB",
  mean: [0, 0, 0],
  std: [1, 1, 1],
  padValue: 0,
};

/**
 * Decodes an image (JPEG, PNG, WebP…) and fits it, aspect kept, centred, into a `size`×`size`
 * square padded with `padValue`, returned as a normalised float tensor.
 *
 * Decoding is strict: a truncated or corrupt file throws sharp's error instead of returning a
 * partly grey frame (which would give plausible-looking but wrong detections).
 *
 * @example
 * const input = await letterbox(await readFile("dog.jpg"), 512);
 * // input.dims = [1, 512, 512, 3]; input.padY = 64 for a 768×576 photo
 */
export async function letterbox(
  image: Buffer | Uint8Array,
  size: number,
  options: Partial<LetterboxOptions> = {},
): Promise<LetterboxedImage> {
  const { layout, colour, mean, std, padValue = 0 } = { ...DEFAULTS, ...options };
  const decoded = sharp(image, { failOn: "error" }).autoOrient();
  const meta = await decoded.metadata();
  const sourceWidth = meta.autoOrient?.width ?? meta.width;
  const sourceHeight = meta.autoOrient?.height ?? meta.height;
  if (!sourceWidth || !sourceHeight) throw new Error("image has no width or height");
  const scale = Math.min(size / sourceWidth, size / sourceHeight);
  const width = Math.max(1, Math.round(sourceWidth * scale));
  const height = Math.max(1, Math.round(sourceHeight * scale));
  const padX = Math.floor((size - width) / 2);
  const padY = Math.floor((size - height) / 2);
  const { data: rgb } = await decoded
    .removeAlpha()
    .toColourspace("srgb")
    .resize(width, height, { fit: "fill", kernel: "lanczos3" })
    .extend({
      top: padY,
      bottom: size - height - padY,
      left: padX,
      right: size - width - padX,
      background: { r: padValue, g: padValue, b: padValue },
    })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const data = rgbToTensor(rgb, size, size, { layout, colour, mean, std });
  const dims: [number, number, number, number] = layout === "NHWC" ? [1, size, size, 3] : [1, 3, size, size];
  return { data, dims, sourceWidth, sourceHeight, size, scale, padX, padY };
}
