import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  VisionConfigError,
  loadVisionConfig,
  parseCameraConfig,
  parseVisionConfig,
} from "./parse-vision-config.ts";

const good = {
  id: "CAM-00822",
  townCode: "500152001",
  source: { kind: "rtsp", url: "rtsp://10.0.0.8/stream1" },
  lines: [{ id: "L1", a: { x: 100, y: 500 }, b: { x: 100, y: 100 }, up: "right-to-left" }],
  zones: [
    {
      id: "plaza",
      polygon: [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 10, y: 10 },
      ],
      rules: [{ kind: "crowding", minCount: 20 }, { kind: "stopped-vehicle" }],
    },
  ],
};

function problems(raw: unknown): readonly string[] {
  try {
    parseVisionConfig(raw, "cameras.json");
  } catch (error) {
    expect(error).toBeInstanceOf(VisionConfigError);
    return (error as VisionConfigError).problems;
  }
  throw new Error("expected the config to be rejected");
}

describe("camera config", () => {
  it("fills in defaults", () => {
    const camera = parseCameraConfig(good);
    expect(camera).toMatchObject({
      roadId: null,
      lon: null,
      source: { kind: "rtsp", fps: 2, loop: false, realtime: false },
      tracker: {},
    });
    expect(camera.zones[0]?.rules).toEqual([
      { kind: "crowding", minCount: 20, minSeconds: 10, classes: ["person"], severity: "major" },
      {
        kind: "stopped-vehicle",
        minSeconds: 60,
        maxMovePx: 8,
        classes: ["car", "bus", "truck", "motorcycle"],
        severity: "major",
      },
    ]);
  });

  it("names the camera and the field of every problem", () => {
    const bad = {
      cameras: [
        good,
        {
          ...good,
          id: "CAM-00853",
          source: { kind: "http-snapshot", url: "rtsp://x", fps: 0 },
          lines: [{ id: "L1", a: { x: 1, y: 1 }, b: { x: 1, y: 1 }, up: "north" }],
          zones: [
            { id: "z", polygon: [{ x: 0, y: 0 }], rules: [{ kind: "crowding", minCount: 0, colour: "red" }] },
          ],
        },
        { ...good, id: "CAM-00983", calibration: { metresPerPixel: -1 } },
        { townCode: "500152001", source: { kind: "push" } },
      ],
    };
    expect(problems(bad)).toEqual([
      'camera "CAM-00853" (cameras[1]), field "source.fps": Too small: expected number to be >0',
      'camera "CAM-00853" (cameras[1]), field "source.url": http-snapshot needs an http:// or https:// URL',
      'camera "CAM-00853" (cameras[1]), field "lines[0].up": Invalid option: expected one of "left-to-right"|"right-to-left"',
      'camera "CAM-00853" (cameras[1]), field "zones[0].polygon": a polygon needs at least 3 points',
      'camera "CAM-00853" (cameras[1]), field "zones[0].rules[0].minCount": Too small: expected number to be >=1',
      'camera "CAM-00853" (cameras[1]), field "zones[0].rules[0]": Unrecognized key: "colour"',
      'camera "CAM-00983" (cameras[2]), field "calibration.metresPerPixel": Too small: expected number to be >0',
      'camera without an id (cameras[3]), field "id": missing (expected string)',
    ]);
  });

  it("takes the low-frame-rate tracker settings and bounds them", () => {
    const camera = parseCameraConfig({
      ...good,
      tracker: { maxLostMs: 3000, maxSpeed: 3, maxManoeuvre: 1.5 },
    });
    expect(camera.tracker).toEqual({ maxLostMs: 3000, maxSpeed: 3, maxManoeuvre: 1.5 });
    expect(problems({ cameras: [{ ...good, tracker: { maxLostMs: -1, maxGap: 2 } }] })).toEqual([
      'camera "CAM-00822" (cameras[0]), field "tracker.maxLostMs": Too small: expected number to be >=0',
      'camera "CAM-00822" (cameras[0]), field "tracker": Unrecognized key: "maxGap"',
    ]);
  });

  it("rejects duplicate camera, line and zone ids", () => {
    const twice = { ...good, id: "CAM-00853", lines: [...good.lines, ...good.lines] };
    expect(problems({ cameras: [good, twice] })).toEqual([
      'camera "CAM-00853" (cameras[1]), field "lines[1].id": duplicate id "L1"',
    ]);
    expect(problems({ cameras: [good, good] })).toEqual([
      'camera "CAM-00822" (cameras[1]), field "id": duplicate camera id "CAM-00822"',
    ]);
  });

  it("rejects a line whose ends coincide", () => {
    const line = { id: "L1", a: { x: 5, y: 5 }, b: { x: 5, y: 5 }, up: "left-to-right" };
    expect(() => parseCameraConfig({ ...good, lines: [line] }, "api", 4)).toThrow(
      'api: 1 problem\n  camera "CAM-00822" (cameras[4]), field "lines[0].b": a and b must differ',
    );
  });

  it("loads a file, saying when it is missing or not JSON", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vision-config-"));
    await writeFile(join(dir, "ok.json"), JSON.stringify({ cameras: [good] }));
    await writeFile(join(dir, "broken.json"), "{ cameras: [");
    expect((await loadVisionConfig(join(dir, "ok.json"))).cameras[0]?.id).toBe("CAM-00822");
    await expect(loadVisionConfig(join(dir, "broken.json"))).rejects.toThrow(
      /broken\.json: 1 problem\n {2}not valid JSON/,
    );
    await expect(loadVisionConfig(join(dir, "none.json"))).rejects.toThrow(
      /none\.json: 1 problem\n {2}cannot read the file: ENOENT/,
    );
  });
});
