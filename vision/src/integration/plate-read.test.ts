import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { alerts, validateRows } from "@citybrain/datasets";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { createInProcessBackend } from "../backend/in-process-backend.ts";
import { parseVisionConfig } from "../config/parse-vision-config.ts";
import { ensureCenternetOnnx } from "../convert/ensure-centernet-onnx.ts";
import type { AlertRow } from "../pipeline/alert-rows.ts";
import { VisionService } from "../service/vision-service.ts";
import { PICKUP_BOX, plateOnCarFrame } from "../testing/plate-on-car.ts";
import { requireCjkFont } from "../testing/render-plate.ts";

const T0 = Date.UTC(2026, 10, 26, 6, 0, 0);

// A pushed camera watching a kerb: 8 frames (2 fps) of a real photo with a Chongqing plate on the
// parked pickup, through the real CenterNet detector, tracker and the PP-OCRv4 worker thread.
describe("plate reads end to end", () => {
  it("raises one watchlist plate-read alert for the parked pickup, with annotated evidence", async () => {
    requireCjkFont();
    const config = parseVisionConfig({
      cameras: [
        {
          id: "GATE-1",
          name: "城北卡口",
          townCode: "500152001",
          source: { kind: "push", fps: 2 },
          zones: [
            {
              id: "kerb",
              name: "路边停车带",
              polygon: [
                { x: 800, y: 100 },
                { x: 1536, y: 100 },
                { x: 1536, y: 400 },
                { x: 800, y: 400 },
              ],
            },
          ],
          plates: { zone: "kerb", watchlist: ["渝AD1234"] },
        },
      ],
    });
    const frame = await plateOnCarFrame("渝A·D1234");
    const rows: AlertRow[] = [];
    const batches: string[] = [];
    const vision = await VisionService.start({
      config,
      backend: async () => createInProcessBackend({ modelPath: (await ensureCenternetOnnx()).path }),
      evidence: { dir: await mkdtemp(join(tmpdir(), "plate-evidence-")) },
      onAlert: (batch, { batchId }) => void (rows.push(...batch), batches.push(batchId)),
    });
    try {
      expect(vision.health().ocr).toEqual({ ready: true, name: "PP-OCRv4 worker thread", error: null });
      for (let i = 0; i < 8; i++) {
        const processed = vision.health().cameras[0]?.framesProcessed ?? 0;
        vision.push("GATE-1", frame, T0 + i * 500);
        while ((vision.health().cameras[0]?.framesProcessed ?? 0) === processed)
          await new Promise((r) => setTimeout(r, 5));
      }
    } finally {
      await vision.stop(); // raises reads still pending
    }
    const camera = vision.health().cameras[0];
    expect(camera?.framesProcessed).toBe(8);
    // Confirmed on the second frame; reads at 0.5 s, 1.5 s and 2.5 s (retrySeconds 1, maxAttempts 3).
    expect(camera?.plates).toMatchObject({ attempts: 3, reads: 3, events: 1, failed: 0, inFlight: 0 });
    expect(rows).toHaveLength(1);
    expect(batches).toEqual([expect.stringMatching(/^vision:alerts:GATE-1:[0-9a-f]{16}$/)]);
    const row = rows[0]!; // track 1 is the bicycle in the foreground; the pickup is track 2
    expect(validateRows(alerts, rows).errors).toEqual([]);
    expect(row).toMatchObject({
      alert_id: "VIS-GATE-1-PLATE-kerb-20261126T060000Z-T2",
      source: "vision",
      rule: "vision.plate_read",
      severity: "major",
      site_id: "GATE-1",
      status: "open",
    });
    expect(row.message).toMatch(
      /^城北卡口（GATE-1）路边停车带：布控车牌 渝A·D1234 出现（小汽车，目标 #2，置信度 9\d%）$/,
    );
    expect([T0 + 500, T0 + 1500, T0 + 2500]).toContain(row.ts);

    // The evidence: the full frame, the pickup's box in red and the plate text on blue under it.
    const path = vision.evidence?.pathOf(row.evidence ?? "");
    expect(path).toMatch(/VIS-GATE-1-PLATE-kerb-20261126T060000Z-T2\.jpg$/);
    const { data, info } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([1536, 1152]);
    const at = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3),
    ];
    const [r, g, b] = at(Math.round(PICKUP_BOX.x1), 240); // the box's left edge
    expect(r).toBeGreaterThan(180);
    expect(Math.max(g ?? 0, b ?? 0)).toBeLessThan(110);
    const [nr, ng, nb] = at(Math.round(PICKUP_BOX.x1) + 2, Math.round(PICKUP_BOX.y2) + 8); // the note's backing
    expect(nb).toBeGreaterThan(120);
    expect(Math.max(nr ?? 0, ng ?? 0)).toBeLessThan(90);
  });
});
