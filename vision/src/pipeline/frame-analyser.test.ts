import { alerts, traffic, validateRows } from "@citybrain/datasets";
import { describe, expect, it } from "vitest";
import { parseCameraConfig } from "../config/parse-vision-config.ts";
import type { Detection } from "../decoders/detection.ts";
import { detectionAt } from "../testing/scripted-backend.ts";
import { IouTracker } from "../tracking/iou-tracker.ts";
import { alertRow } from "./alert-rows.ts";
import { FrameAnalyser } from "./frame-analyser.ts";
import type { FrameResult } from "./frame-analyser.ts";

const T0 = Date.UTC(2026, 10, 26, 6, 0, 30);

const camera = parseCameraConfig({
  id: "CAM-00822",
  name: "人民路与潼龙路路口",
  townCode: "500152001",
  roadId: "RD-U03",
  lon: 105.844027,
  lat: 30.192474,
  source: { kind: "push" },
  // A vertical line drawn upwards at x = 400: moving right crosses it left-to-right = up.
  lines: [{ id: "L1", a: { x: 400, y: 500 }, b: { x: 400, y: 100 }, up: "left-to-right" }],
  zones: [
    {
      id: "plaza",
      name: "广场",
      polygon: [
        { x: 0, y: 0 },
        { x: 300, y: 0 },
        { x: 300, y: 576 },
        { x: 0, y: 576 },
      ],
      rules: [{ kind: "no-vehicle", minSeconds: 1 }],
    },
  ],
  calibration: { metresPerPixel: 0.05 },
});

function run(script: (t: number) => Detection[], frames: number, stepMs = 200): FrameResult[] {
  const analyser = new FrameAnalyser(camera, new IouTracker());
  const results = [];
  for (let i = 0; i < frames; i++) {
    const t = T0 + i * stepMs;
    const detections = script(t - T0);
    const detected = {
      cameraId: camera.id,
      width: 768,
      height: 576,
      detections,
      timings: { preprocessMs: 1, inferenceMs: 2, postprocessMs: 0 },
    };
    results.push(analyser.analyse(detected, t));
  }
  results.push({ ...(results.at(-1) as FrameResult), closedRows: analyser.flush() });
  return results;
}

describe("FrameAnalyser", () => {
  it("counts crossings per direction and stream class, with calibrated speed; ignores other labels", () => {
    // A car drives right at 100 px/s (5 m/s = 18 km/h) across the minute boundary at T0 + 30 s;
    // a person walks left; a dog crosses too but is not a road user the stream counts.
    const results = run(
      (ms) => [
        detectionAt(200 + ms / 10, 300, "car"),
        detectionAt(600 - ms / 20, 450, "person"),
        detectionAt(300 + ms / 10, 200, "dog"),
      ],
      200,
    );
    const crossings = results.flatMap((r) => r.crossings);
    expect(crossings.map((c) => [c.trafficClass, c.up, c.direction])).toEqual([
      ["car", true, "left-to-right"],
      ["person", false, "right-to-left"],
    ]);
    expect(crossings[0]?.speedKmh).toBeCloseTo(18, 0);
    expect(crossings[1]?.speedKmh).toBeCloseTo(9, 0);
    const rows = results.flatMap((r) => r.closedRows);
    expect(
      rows.map((r) => [new Date(r.ts).toISOString(), r.direction, r.class, r.count, r.mean_speed_kmh]),
    ).toEqual([
      ["2026-11-26T06:00:00.000Z", "up", "car", 1, 18],
      ["2026-11-26T06:00:00.000Z", "down", "person", 1, 9],
    ]);
    expect(validateRows(traffic, rows).errors).toEqual([]);
  });

  it("raises a no-vehicle event with a zh-CN message and a valid alerts row", () => {
    const results = run((ms) => [detectionAt(100 + ms / 100, 300, "motorcycle")], 10);
    const events = results.flatMap((r) => r.events);
    expect(events).toHaveLength(1);
    const row = alertRow(camera, events[0] as (typeof events)[number], "vision-evidence/x.jpg");
    expect(row).toMatchObject({
      alert_id: "VIS-CAM-00822-NOVEH-plaza-20261126T060030Z-T1",
      ts: T0 + 200, // the track is confirmed (and enters) on the second frame
      source: "vision",
      rule: "vision.vehicle_in_zone",
      severity: "minor",
      site_id: "CAM-00822",
      town_code: "500152001",
      lon: 105.844027,
      lat: 30.192474,
      message: "人民路与潼龙路路口（CAM-00822）广场：禁行区域驶入摩托车（目标 #1）",
      evidence: "vision-evidence/x.jpg",
      status: "open",
      actor: null,
    });
    expect(validateRows(alerts, [row]).errors).toEqual([]);
  });
});
