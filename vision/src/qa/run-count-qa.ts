import type { InferenceBackend } from "../backend/inference-backend.ts";
import { parseCameraConfig } from "../config/parse-vision-config.ts";
import { CameraPipeline } from "../pipeline/camera-pipeline.ts";
import { createFfmpegFrameSource } from "../sources/ffmpeg/ffmpeg-frame-source.ts";
import { compareCrossings } from "./compare-crossings.ts";
import type { CrossingComparison, TimedCrossing } from "./compare-crossings.ts";
import type { LineLabels } from "./line-labels.ts";

/** Options of {@link runCountQa}. */
export interface CountQaOptions {
  labels: LineLabels;
  /** The labelled video file. */
  videoPath: string;
  backend: InferenceBackend;
  /** Frames per second the pipeline samples. */
  sampleFps: number;
  /** @default 0 */
  startSeconds?: number;
  /** @default the labelled span */
  durationSeconds?: number;
  /** @default 1.5 */
  toleranceSeconds?: number;
}

/** What a QA run measured. */
export interface CountQaResult extends CrossingComparison {
  window: { startSeconds: number; endSeconds: number };
  sampleFps: number;
  framesProcessed: number;
  wallSeconds: number;
  /** Every counted crossing, for the record. */
  countedCrossings: TimedCrossing[];
}

/**
 * Runs the real pipeline (ffmpeg → detector → tracker → line) over a labelled video window and
 * compares its crossings of the labelled line with the hand labels.
 */
export async function runCountQa(options: CountQaOptions): Promise<CountQaResult> {
  const { labels } = options;
  const start = options.startSeconds ?? 0;
  const duration = options.durationSeconds ?? (labels.labelledFrames.last + 1) / labels.fps - start;
  const end = start + duration;
  const camera = parseCameraConfig({
    id: "QA",
    townCode: "QA",
    source: { kind: "file", url: options.videoPath, fps: options.sampleFps },
    lines: [labels.line],
  });
  const source = createFfmpegFrameSource({
    cameraId: camera.id,
    input: options.videoPath,
    fps: options.sampleFps,
    startSeconds: start,
    durationSeconds: duration,
    timestampOrigin: 0,
  });
  const counted: TimedCrossing[] = [];
  const pipeline = new CameraPipeline({
    camera,
    source,
    backend: options.backend,
    overload: "block",
    restart: false,
    onFrame: (result) => {
      for (const c of result.crossings) counted.push({ seconds: c.crossedAt / 1000, direction: c.direction });
    },
  });
  const t0 = performance.now();
  pipeline.start();
  await pipeline.done;
  const health = pipeline.status();
  if (health.state !== "ended") throw new Error(`count QA: the pipeline did not finish: ${health.reason}`);
  const truth = labels.crossings
    .map((c) => ({ seconds: c.frame / labels.fps, direction: c.direction }))
    .filter((c) => c.seconds >= start && c.seconds < end);
  return {
    window: { startSeconds: start, endSeconds: end },
    sampleFps: options.sampleFps,
    framesProcessed: health.framesProcessed,
    wallSeconds: Math.round((performance.now() - t0) / 100) / 10,
    ...compareCrossings(truth, counted, options.toleranceSeconds),
    countedCrossings: counted,
  };
}
