import { alerts, traffic, validateRows } from "@citybrain/datasets";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInProcessBackend } from "../backend/in-process-backend.ts";
import type { InferenceBackend } from "../backend/inference-backend.ts";
import { parseCameraConfig } from "../config/parse-vision-config.ts";
import { ensureCenternetOnnx } from "../convert/ensure-centernet-onnx.ts";
import { EvidenceStore } from "../evidence/evidence-store.ts";
import type { AlertRow } from "../pipeline/alert-rows.ts";
import { CameraPipeline } from "../pipeline/camera-pipeline.ts";
import type { TrafficRow } from "../pipeline/minute-counts.ts";
import { createFfmpegFrameSource } from "../sources/ffmpeg/ffmpeg-frame-source.ts";
import { fixturePath } from "../testing/fixtures.ts";

// 10 s of vtest.avi at 5 fps through the whole pipeline with the real detector. Two parked
// vehicles stand at the top right the whole time (the model sees a van as "truck" ~0.38 and a car
// ~0.43, so this camera tracks from score 0.35); the plaza holds 5–9 people.
const camera = parseCameraConfig({
  id: "CAM-TEST",
  name: "测试广场",
  townCode: "500152001",
  source: { kind: "file", url: "vtest.avi", fps: 5 },
  tracker: { highScore: 0.35 },
  lines: [{ id: "x560", a: { x: 560, y: 450 }, b: { x: 560, y: 150 }, up: "left-to-right" }],
  zones: [
    {
      id: "plaza",
      name: "广场",
      polygon: [
        { x: 0, y: 150 },
        { x: 768, y: 150 },
        { x: 768, y: 576 },
        { x: 0, y: 576 },
      ],
      rules: [{ kind: "crowding", minCount: 5, minSeconds: 2 }],
    },
    {
      id: "kerb",
      name: "楼前停车带",
      polygon: [
        { x: 600, y: 20 },
        { x: 768, y: 20 },
        { x: 768, y: 130 },
        { x: 600, y: 130 },
      ],
      rules: [{ kind: "stopped-vehicle", minSeconds: 5 }],
    },
  ],
});

describe("vtest.avi through CameraPipeline", () => {
  let backend: InferenceBackend;
  beforeAll(async () => {
    backend = await createInProcessBackend({
      modelPath: (await ensureCenternetOnnx()).path,
      intraOpThreads: 2,
    });
  });
  afterAll(() => backend?.close());

  it("counts, raises crowding and stopped-vehicle alerts, and emits valid rows", async () => {
    const origin = Date.UTC(2026, 10, 26, 6, 0, 0);
    const source = createFfmpegFrameSource({
      cameraId: camera.id,
      input: fixturePath("vtest.avi"),
      fps: 5,
      durationSeconds: 10,
      timestampOrigin: origin,
    });
    const trafficRows: TrafficRow[] = [];
    const alertRows: AlertRow[] = [];
    const evidence = new EvidenceStore({ dir: await mkdtemp(join(tmpdir(), "vtest-evidence-")) });
    const pipeline = new CameraPipeline({
      camera,
      source,
      backend,
      evidence,
      overload: "block",
      onTraffic: (rows) => void trafficRows.push(...rows),
      onAlert: (rows) => void alertRows.push(...rows),
    });
    pipeline.start();
    await pipeline.done;
    expect(pipeline.status()).toMatchObject({ framesProcessed: 50, framesDropped: 0, framesFailed: 0 });
    // The three right-to-left walkers of the first 8 s (see vtest-plaza.test.ts) are "down".
    expect(
      trafficRows.filter((r) => r.class === "person" && r.direction === "down").map((r) => r.count),
    ).toEqual([3]);
    expect(validateRows(traffic, trafficRows).errors).toEqual([]);
    const rules = alertRows.map((r) => r.rule).sort();
    expect(rules).toContain("vision.crowding");
    expect(rules).toContain("vision.stopped_vehicle");
    const stopped = alertRows.filter((r) => r.rule === "vision.stopped_vehicle");
    for (const row of stopped)
      expect(row.message).toMatch(/^测试广场（CAM-TEST）楼前停车带：(小汽车|货车)异常停驶，已静止 5 秒/);
    expect(validateRows(alerts, alertRows).errors).toEqual([]);
    // Every alert has its annotated snapshot on disk.
    for (const row of alertRows) {
      expect(row.evidence).toBe(`vision-evidence/${row.alert_id}.jpg`);
      const meta = await sharp(evidence.pathOf(row.evidence ?? "")).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 768, 576]);
    }
    if (process.env.VISION_KEEP_EVIDENCE) console.log(evidence.dir, alertRows);
  });
});
