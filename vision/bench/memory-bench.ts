// RSS over a long run: one camera pipeline (lines, zones, evidence with retention, a live
// snapshot drawn every 50 frames) over vtest.avi looped through ffmpeg at 5 fps. A leak shows as
// a steady climb after warm-up; the record keeps samples every 100 frames and the slope.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInProcessBackend } from "../src/backend/in-process-backend.ts";
import type { CameraConfig } from "../src/config/camera-config.ts";
import { annotateScene } from "../src/evidence/annotate-scene.ts";
import { EvidenceStore } from "../src/evidence/evidence-store.ts";
import { CameraPipeline } from "../src/pipeline/camera-pipeline.ts";
import { demoVisionConfig } from "../src/service/demo-config.ts";
import { createFfmpegFrameSource } from "../src/sources/ffmpeg/ffmpeg-frame-source.ts";
import { fixturePath } from "../src/testing/fixtures.ts";
import { round } from "./bench-stats.ts";

const MB = 1024 * 1024;

/** Least-squares slope of y over x. */
function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

/** Runs `frames` frames and samples memory every 100. */
export async function memoryBench(modelPath: string, frames: number): Promise<object> {
  const fps = 5;
  const demo = demoVisionConfig().cameras[3] as CameraConfig;
  const camera: CameraConfig = { ...demo, id: "BENCH-MEM" };
  const backend = await createInProcessBackend({ modelPath, intraOpThreads: 2 });
  const evidence = new EvidenceStore({ dir: await mkdtemp(join(tmpdir(), "bench-memory-")), maxFiles: 20 });
  const source = createFfmpegFrameSource({
    cameraId: camera.id,
    input: fixturePath("vtest.avi"),
    fps,
    loop: true,
    durationSeconds: frames / fps,
    timestampOrigin: Date.UTC(2026, 10, 26, 6, 0, 0),
  });
  const samples: { frame: number; rssMb: number; heapMb: number }[] = [];
  let processed = 0;
  let alerts = 0;
  let rows = 0;
  const pipeline = new CameraPipeline({
    camera,
    source,
    backend,
    evidence,
    overload: "block",
    onTraffic: (r) => void (rows += r.length),
    onAlert: (r) => void (alerts += r.length),
    onFrame: () => {
      processed += 1;
      if (processed % 50 === 0) {
        const scene = pipeline.latestScene();
        if (scene) void annotateScene(scene);
      }
      if (processed % 100 === 0) {
        const m = process.memoryUsage();
        samples.push({ frame: processed, rssMb: round(m.rss / MB, 1), heapMb: round(m.heapUsed / MB, 1) });
        if (processed % 500 === 0)
          console.log(`  memory: ${processed} frames, RSS ${samples.at(-1)?.rssMb} MB`);
      }
    },
  });
  const t0 = performance.now();
  pipeline.start();
  await pipeline.done;
  const seconds = (performance.now() - t0) / 1000;
  await backend.close();
  // Slope after warm-up (the first 20 % of the run: model, caches, allocator arenas).
  const settled = samples.filter((s) => s.frame > frames * 0.2);
  const perThousand = (key: "rssMb" | "heapMb"): number =>
    round(slope(settled.map((s) => ({ x: s.frame, y: s[key] }))) * 1000, 2);
  return {
    frames: processed,
    fps,
    seconds: round(seconds, 1),
    alerts,
    trafficRows: rows,
    evidenceFilesKept: (await evidence.files()).length,
    rssMb: {
      afterWarmup: settled[0]?.rssMb,
      end: samples.at(-1)?.rssMb,
      max: Math.max(...samples.map((s) => s.rssMb)),
    },
    slopeAfterWarmupMbPer1000Frames: { rss: perThousand("rssMb"), heap: perThousand("heapMb") },
    samples,
  };
}
