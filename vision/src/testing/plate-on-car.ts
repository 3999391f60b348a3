import { readFile } from "node:fs/promises";
import sharp from "sharp";
import type { Box } from "../geometry/box.ts";
import { fixturePath } from "./fixtures.ts";
import { renderPlate } from "./render-plate.ts";

/** Where the real detector finds the white pickup in {@link plateOnCarFrame} (score 0.51). */
export const PICKUP_BOX: Box = { x1: 938, y1: 150, x2: 1357, y2: 320 };

/**
 * A real street photo with a rendered plate on a real vehicle: darknet's `dog.jpg` scaled to
 * 1536×1152 (a camera's full resolution), with a 110 px plate (`renderPlate`) on the lower body
 * of the white pickup parked at the top right, blurred a little and saved as a quality-80 JPEG.
 * Without `plate` the same frame with the pickup's own (plate-less) side.
 */
export async function plateOnCarFrame(plate?: string): Promise<Buffer> {
  const dog = await readFile(fixturePath("dog.jpg"));
  const big = await sharp(dog).resize(1536, 1152).toBuffer();
  const composite = plate ? [{ input: await renderPlate(plate, 110), left: 1094, top: 265 }] : [];
  return sharp(big).composite(composite).blur(0.6).jpeg({ quality: 80 }).toBuffer();
}
