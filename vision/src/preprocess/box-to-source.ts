import { clipBox } from "../geometry/box.ts";
import type { Box } from "../geometry/box.ts";
import type { LetterboxGeometry } from "./letterbox.ts";

/** Maps a box from letterboxed model-input pixels back to source-image pixels, clipped to the image. */
export function boxToSource(box: Box, g: LetterboxGeometry): Box {
  const mapped = {
    x1: (box.x1 - g.padX) / g.scale,
    y1: (box.y1 - g.padY) / g.scale,
    x2: (box.x2 - g.padX) / g.scale,
    y2: (box.y2 - g.padY) / g.scale,
  };
  return clipBox(mapped, g.sourceWidth, g.sourceHeight);
}
