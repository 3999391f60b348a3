import sharp from "sharp";
import type { Scene } from "../pipeline/scene.ts";
import { sceneOverlaySvg } from "./scene-overlay.ts";

/** Options of {@link annotateScene}. */
export interface AnnotateOptions {
  /** JPEG quality. @default 80 */
  quality?: number;
}

/**
 * The scene's frame with its overlay drawn on (sharp composites the SVG from
 * {@link sceneOverlaySvg}), as JPEG bytes.
 *
 * @example
 * const jpeg = await annotateScene(pipeline.latestScene());
 */
export async function annotateScene(scene: Scene, options: AnnotateOptions = {}): Promise<Buffer> {
  const svg = Buffer.from(sceneOverlaySvg(scene));
  return sharp(scene.image)
    .composite([{ input: svg, top: 0, left: 0 }])
    .jpeg({ quality: options.quality ?? 80, mozjpeg: false })
    .toBuffer();
}
