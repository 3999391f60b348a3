import { describe, expect, it } from "vitest";
import type { TextLine } from "../ocr/ocr-engine.ts";
import { plateFromLines } from "./plate-from-lines.ts";

const line = (text: string, score: number, x1: number, y1 = 100, w = 80, h = 24): TextLine => ({
  text,
  score,
  detectionScore: 0.9,
  box: { x1, y1, x2: x1 + w, y2: y1 + h },
});

describe("plateFromLines", () => {
  it("picks the most confident line that parses as a plate, normalised", () => {
    const lines = [line("FORD", 0.99, 10, 20), line("渝a d1234", 0.91, 40), line("渝B·5K678", 0.95, 40, 160)];
    expect(plateFromLines(lines)).toEqual({
      plate: "渝B·5K678",
      confidence: 0.95,
      box: { x1: 40, y1: 160, x2: 120, y2: 184 },
    });
  });

  it("joins a plate the detector split at its dot into two lines on one row", () => {
    const found = plateFromLines([line("渝A", 0.97, 40, 100, 36), line("D1234", 0.93, 84, 102, 70)]);
    expect(found).toEqual({
      plate: "渝A·D1234",
      confidence: 0.93,
      box: { x1: 40, y1: 100, x2: 154, y2: 126 },
    });
  });

  it("does not join lines on different rows or far apart, and finds nothing in non-plate text", () => {
    expect(
      plateFromLines([line("渝A", 0.97, 40, 100, 36), line("D1234", 0.93, 84, 160, 70)]),
    ).toBeUndefined();
    expect(
      plateFromLines([line("渝A", 0.97, 40, 100, 36), line("D1234", 0.93, 300, 100, 70)]),
    ).toBeUndefined();
    expect(plateFromLines([line("NOTICE", 0.99, 0), line("AT ALL TIMES", 0.98, 0, 140)])).toBeUndefined();
    expect(plateFromLines([])).toBeUndefined();
  });
});
