import type { Box } from "../geometry/box.ts";
import type { TextLine } from "../ocr/ocr-engine.ts";
import { parsePlate } from "../ocr/plate-text.ts";

/** A plate found among OCR lines. */
export interface PlateCandidate {
  /** Normalised, e.g. `渝A·D1234`. */
  plate: string;
  /** Recogniser confidence of the characters, 0–1 (the lower one when two lines were joined). */
  confidence: number;
  /** Where the plate's text is, in the pixels of the image that was read. */
  box: Box;
}

/** Two lines on one row, `b` just right of `a` (a plate the detector split at its separator dot). */
function sameRow(a: Box, b: Box): boolean {
  const height = Math.min(a.y2 - a.y1, b.y2 - b.y1);
  const overlap = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  const gap = b.x1 - a.x2;
  return overlap >= 0.5 * height && gap > -0.5 * height && gap < 1.5 * height;
}

/**
 * The most confident plausible mainland plate among the lines OCR read from a vehicle crop —
 * whole lines, or two neighbours on one row joined — or `undefined` when none parses as a plate.
 *
 * @example plateFromLines(lines)?.plate // "渝A·D1234"
 */
export function plateFromLines(lines: readonly TextLine[]): PlateCandidate | undefined {
  const candidates: PlateCandidate[] = [];
  for (const line of lines) {
    const plate = parsePlate(line.text);
    if (plate) candidates.push({ plate, confidence: line.score, box: line.box });
  }
  for (const a of lines) {
    for (const b of lines) {
      if (a === b || !sameRow(a.box, b.box)) continue;
      const plate = parsePlate(a.text + b.text);
      if (!plate) continue;
      const box = {
        x1: Math.min(a.box.x1, b.box.x1),
        y1: Math.min(a.box.y1, b.box.y1),
        x2: Math.max(a.box.x2, b.box.x2),
        y2: Math.max(a.box.y2, b.box.y2),
      };
      candidates.push({ plate, confidence: Math.min(a.score, b.score), box });
    }
  }
  return candidates.reduce<PlateCandidate | undefined>(
    (best, c) => (best && best.confidence >= c.confidence ? best : c),
    undefined,
  );
}
