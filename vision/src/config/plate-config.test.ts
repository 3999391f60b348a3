import { describe, expect, it } from "vitest";
import { VisionConfigError, parseVisionConfig } from "./parse-vision-config.ts";

const gate = (plates: unknown) => ({
  cameras: [
    {
      id: "GATE-1",
      townCode: "500152001",
      source: { kind: "push" },
      zones: [
        {
          id: "lane",
          polygon: [
            { x: 0, y: 300 },
            { x: 1920, y: 300 },
            { x: 1920, y: 1080 },
          ],
        },
      ],
      plates,
    },
  ],
});

function problems(raw: unknown): readonly string[] {
  try {
    parseVisionConfig(raw, "cameras.json");
  } catch (error) {
    if (error instanceof VisionConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected the config to be rejected");
}

describe("camera plates config", () => {
  it("fills in defaults and normalises watchlist plates", () => {
    const plates = parseVisionConfig(gate({ zone: "lane", watchlist: ["渝a d1234", "渝B.5K678"] })).cameras[0]
      ?.plates;
    expect(plates).toEqual({
      enabled: true,
      zone: "lane",
      minCropWidth: 160,
      minConfidence: 0.8,
      classes: ["car", "bus", "truck", "motorcycle"],
      watchlist: ["渝A·D1234", "渝B·5K678"],
      maxAttempts: 3,
      retrySeconds: 1,
      maxInFlight: 1,
      severity: "info",
      watchlistSeverity: "major",
    });
    expect(parseVisionConfig(gate(undefined)).cameras[0]?.plates).toBeUndefined();
  });

  it("names the camera and key of every problem", () => {
    expect(
      problems(
        gate({ zone: "gate", watchlist: ["渝A·D1234", "ABC123"], classes: ["person"], minConfidence: 1.5 }),
      ),
    ).toEqual([
      'camera "GATE-1" (cameras[0]), field "plates.minConfidence": Too big: expected number to be <=1',
      'camera "GATE-1" (cameras[0]), field "plates.classes[0]": Invalid option: expected one of "car"|"bus"|"truck"|"motorcycle"',
      'camera "GATE-1" (cameras[0]), field "plates.watchlist[1]": "ABC123" is not a mainland plate (expected e.g. "渝A·D1234": province, letter, 5–6 letters or digits)',
    ]);
    expect(problems(gate({ zone: "gate" }))).toEqual([
      'camera "GATE-1" (cameras[0]), field "plates.zone": no zone "gate" on this camera (zones: "lane"); omit it to read the whole frame',
    ]);
    expect(problems(gate({ minConf: 0.9 }))).toEqual([
      'camera "GATE-1" (cameras[0]), field "plates": Unrecognized key: "minConf"',
    ]);
  });
});
