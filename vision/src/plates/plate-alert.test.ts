import { describe, expect, it } from "vitest";
import { parseCameraConfig } from "../config/parse-vision-config.ts";
import { sceneOverlaySvg } from "../evidence/scene-overlay.ts";
import type { Track } from "../tracking/track.ts";
import { plateAlertRow, plateEvidenceScene } from "./plate-alert.ts";
import type { PlateRead } from "./plate-read.ts";

const camera = parseCameraConfig({
  id: "CAM-9",
  townCode: "500152001",
  lon: 105.84,
  lat: 30.19,
  source: { kind: "push" },
  plates: { severity: "minor" },
});

const truck: Track = {
  id: 12,
  classId: 7,
  label: "truck",
  box: { x1: 100, y1: 80, x2: 400, y2: 300 },
  score: 0.8,
  state: "confirmed",
  hits: 5,
  missed: 0,
  velocity: { dx: 0, dy: 0 },
  firstSeen: Date.UTC(2026, 10, 26, 6, 0, 3, 400),
  lastSeen: 0,
};

const read: PlateRead = {
  trackId: 12,
  trafficClass: "truck",
  plate: "渝B·5K678",
  confidence: 0.934,
  watchlisted: false,
  firstSeen: truck.firstSeen,
  at: Date.UTC(2026, 10, 26, 6, 0, 5),
  attempts: 2,
  scene: { camera, image: new Uint8Array(), width: 640, height: 360, timestamp: 0, tracks: [truck] },
  plateBox: { x1: 200, y1: 260, x2: 280, y2: 285 },
  ocrMs: 60,
};

describe("plate-read alerts", () => {
  it("makes a whole-frame read into an alerts row with the camera's severity", () => {
    expect(plateAlertRow(camera, read, "vision-evidence/x.jpg")).toEqual({
      alert_id: "VIS-CAM-9-PLATE-frame-20261126T060003Z-T12",
      ts: read.at,
      source: "vision",
      rule: "vision.plate_read",
      severity: "minor",
      site_id: "CAM-9",
      town_code: "500152001",
      lon: 105.84,
      lat: 30.19,
      message: "CAM-9（CAM-9）：识别车牌 渝B·5K678（货车，目标 #12，置信度 93%）",
      evidence: "vision-evidence/x.jpg",
      status: "open",
      updated_at: read.at,
      actor: null,
    });
    expect(plateAlertRow(camera, { ...read, watchlisted: true }, null)).toMatchObject({
      severity: "major",
      message: "CAM-9（CAM-9）：布控车牌 渝B·5K678 出现（货车，目标 #12，置信度 93%）",
      evidence: null,
    });
  });

  it("draws the plate text on plate blue under the vehicle's red box", () => {
    const svg = sceneOverlaySvg(plateEvidenceScene(camera, read));
    expect(svg).toContain(
      '<rect x="100.0" y="80.0" width="300.0" height="220.0" fill="none" stroke="#ef4444"',
    );
    // The note's backing starts 4 px under the box (y 304) at its left edge.
    expect(svg).toMatch(
      /<rect x="100\.0" y="304\.0" width="\d+" height="\d+" fill="#0b3f9e"[^>]*\/><text[^>]*>渝B·5K678<\/text>/,
    );
    expect(sceneOverlaySvg({ ...read.scene, highlight: { trackId: 12 } })).not.toContain("#0b3f9e");
  });
});
