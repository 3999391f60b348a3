import type { InputSpec } from "../models/model-spec.ts";

/**
 * Converts interleaved 8-bit RGB pixels (sharp's `raw()` output) into a normalised float tensor:
 * `(pixel − mean[c]) / std[c]`, channels reordered to the model's colour order, laid out NHWC
 * (`[1, h, w, 3]` order) or NCHW (`[1, 3, h, w]`).
 */
export function rgbToTensor(
  rgb: Uint8Array,
  width: number,
  height: number,
  spec: Pick<InputSpec, "layout" | "colour" | "mean" | "std">,
): Float32Array {
  const pixels = width * height;
  if (rgb.length !== pixels * 3)
    throw new Error(`expected ${pixels * 3} RGB bytes for ${width}×${height}, got ${rgb.length}`);
  const out = new Float32Array(pixels * 3);
  const order = spec.colour === "RGB" ? [0, 1, 2] : [2, 1, 0];
  for (let c = 0; c < 3; c++) {
    const source = order[c] ?? c;
    const mean = spec.mean[c] ?? 0;
    const scale = 1 / (spec.std[c] ?? 1);
    if (spec.layout === "NHWC") {
      for (let p = 0; p < pixels; p++) out[p * 3 + c] = ((rgb[p * 3 + source] ?? 0) - mean) * scale;
    } else {
      const base = c * pixels;
      for (let p = 0; p < pixels; p++) out[base + p] = ((rgb[p * 3 + source] ?? 0) - mean) * scale;
    }
  }
  return out;
}
