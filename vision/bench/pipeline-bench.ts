// End-to-end camera pipeline vs the detector alone on the same frames, throughput of several
// cameras on one node, and a live check of the cameras-per-node figure at 1 frame/s.
import { mkdtemp } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { createInProcessBackend } from "../src/backend/in-process-backend.ts";
import type { EncodedFrame, InferenceBackend } from "../src/backend/inference-backend.ts";
import { createWorkerPoolBackend } from "../src/backend/worker-pool-backend.ts";
import type { CameraConfig } from "../src/config/camera-config.ts";
import { EvidenceStore } from "../src/evidence/evidence-store.ts";
import { CameraPipeline } from "../src/pipeline/camera-pipeline.ts";
import { demoVisionConfig } from "../src/service/demo-config.ts";
import { createPushFrameSource } from "../src/sources/push/push-frame-source.ts";
import { round, stats } from "./bench-stats.ts";

/** A demo camera (line + zones) fed by pushed frames. */
function benchCamera(id: string): CameraConfig {
  const camera = demoVisionConfig().cameras[0] as CameraConfig;
  return { ...camera, id, source: { ...camera.source, kind: "push", url: undefined } };
}

/** Runs frames through one pipeline (block policy: every frame processed); per-frame totals and wall time. */
async function runPipeline(
  camera: CameraConfig,
  backend: InferenceBackend,
  frames: readonly EncodedFrame[],
  evidence?: EvidenceStore,
): Promise<{ totalMs: number[]; wallMs: number; alerts: number }> {
  const source = createPushFrameSource({ cameraId: camera.id, maxBuffered: frames.length + 1 });
  const totalMs: number[] = [];
  let alerts = 0;
  const pipeline = new CameraPipeline({
    camera,
    source,
    backend,
    evidence,
    overload: "block",
    onFrame: (r) => void totalMs.push(r.timings.totalMs),
    onAlert: (rows) => void (alerts += rows.length),
  });
  const t0 = performance.now();
  pipeline.start();
  for (const f of frames) source.push(f.image, f.timestamp);
  source.end();
  await pipeline.done;
  return { totalMs, wallMs: performance.now() - t0, alerts };
}

/** Same frames, same backend: `detect()` alone, then the whole pipeline. */
export async function endToEndVsModel(modelPath: string, frames: readonly EncodedFrame[]): Promise<object> {
  const backend = await createInProcessBackend({ modelPath, intraOpThreads: 2 });
  for (const f of frames.slice(0, 3)) await backend.detect(f);
  const detectMs: number[] = [];
  const inferenceMs: number[] = [];
  const t0 = performance.now();
  for (const f of frames) {
    const t = performance.now();
    const { timings } = await backend.detect(f);
    detectMs.push(performance.now() - t);
    inferenceMs.push(timings.inferenceMs);
  }
  const detectWall = performance.now() - t0;
  const evidence = new EvidenceStore({ dir: await mkdtemp(join(tmpdir(), "bench-evidence-")), maxFiles: 50 });
  const e2e = await runPipeline(benchCamera("BENCH-E2E"), backend, frames, evidence);
  await backend.close();
  const perFrame = (ms: number): number => round(ms / frames.length);
  return {
    frames: frames.length,
    backend: "onnxruntime in-process, 2 threads",
    detectOnly: {
      perFrameMs: perFrame(detectWall),
      detectMs: stats(detectMs),
      inferenceMs: stats(inferenceMs),
    },
    pipeline: { perFrameMs: perFrame(e2e.wallMs), frameTotalMs: stats(e2e.totalMs), alerts: e2e.alerts },
    ratioPipelineToDetect: round(e2e.wallMs / detectWall, 3),
    ratioPipelineToInferenceOnly: round(e2e.wallMs / frames.length / stats(inferenceMs).mean, 3),
  };
}

/** `cameras` pipelines at once on one worker pool (one worker per core), every frame processed. */
export async function throughput(
  modelPath: string,
  frames: readonly EncodedFrame[],
  cameras: number,
): Promise<object> {
  const poolSize = availableParallelism();
  const backend = await createWorkerPoolBackend({ modelPath, poolSize, intraOpThreads: 1 });
  await Promise.all(frames.slice(0, poolSize * 2).map((f) => backend.detect(f)));
  const t0 = performance.now();
  const runs = await Promise.all(
    Array.from({ length: cameras }, (_, i) => runPipeline(benchCamera(`BENCH-${i + 1}`), backend, frames)),
  );
  const wall = performance.now() - t0;
  await backend.close();
  const total = runs.reduce((n, r) => n + r.totalMs.length, 0);
  const fps = (total * 1000) / wall;
  return {
    backend: `worker pool ×${poolSize} (1 thread each)`,
    cameras,
    framesPerCamera: frames.length,
    framesPerSecond: round(fps),
    camerasAt1Fps: Math.floor(fps),
    camerasAt1FpsWith20PctHeadroom: Math.floor(fps * 0.8),
  };
}

/** `cameras` live cameras pushing 1 frame/s each (staggered) for `seconds`; were frames dropped? */
export async function liveAt1Fps(
  modelPath: string,
  frames: readonly EncodedFrame[],
  cameras: number,
  seconds: number,
): Promise<object> {
  const poolSize = availableParallelism();
  const backend = await createWorkerPoolBackend({ modelPath, poolSize, intraOpThreads: 1 });
  const latency: number[] = [];
  const pipelines = Array.from({ length: cameras }, (_, i) => {
    const source = createPushFrameSource({ cameraId: `LIVE-${i + 1}`, maxBuffered: 1 });
    const pipeline = new CameraPipeline({
      camera: benchCamera(`LIVE-${i + 1}`),
      source,
      backend,
      onFrame: (r) => void latency.push(r.timings.totalMs),
    });
    pipeline.start();
    return { source, pipeline };
  });
  const start = Date.now();
  for (let s = 0; s < seconds; s++) {
    for (const [i, p] of pipelines.entries()) {
      const frame = frames[(s * cameras + i) % frames.length] as EncodedFrame;
      setTimeout(
        () => p.source.push(frame.image, start + s * 1000 + (i * 1000) / cameras),
        (i * 1000) / cameras,
      );
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  await new Promise((r) => setTimeout(r, 2000));
  const health = pipelines.map((p) => p.pipeline.status());
  await Promise.all(pipelines.map((p) => p.pipeline.stop()));
  await backend.close();
  const pushed = cameras * seconds;
  const processed = health.reduce((n, h) => n + h.framesProcessed, 0);
  const dropped = health.reduce((n, h) => n + h.framesDropped, 0);
  return { cameras, seconds, pushed, processed, dropped, frameLatencyMs: stats(latency) };
}
