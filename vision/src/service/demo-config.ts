import { join } from "node:path";
import { generateSites } from "@citybrain/datasets/reference";
import type { VisionConfig, VisionConfigInput } from "../config/camera-config.ts";
import { parseVisionConfig } from "../config/parse-vision-config.ts";
import { DEMO_FIXTURES_DIR } from "./fixtures-dir.ts";

/** Options of {@link demoVisionConfig}. */
export interface DemoVisionOptions {
  /** Seed of the reference sites (the server's `--seed`). @default 1 */
  seed?: number;
  /** The looped video. @default fixtures/vtest.avi */
  videoPath?: string;
  /** Frames per second each camera samples. @default 2 */
  fps?: number;
  /** Play the video at its own speed, like a live camera. @default true */
  realtime?: boolean;
}

const rect = (x1: number, y1: number, x2: number, y2: number) => [
  { x: x1, y: y1 },
  { x: x2, y: y1 },
  { x: x2, y: y2 },
  { x: x1, y: y2 },
];

/**
 * A demo config: the reference sites' real-video cameras (four, `realVideo: true` in
 * `generateSites`) each play OpenCV's `vtest.avi` in a loop, 20 s apart so the wall does not
 * show four identical feeds, sampled at 2 fps. Each counts people across the hand-labelled line
 * x = 560 (`vision/qa/vtest-line-labels.json`) and watches the plaza for crowding and vehicles;
 * the fourth also tracks from score 0.35 so the parked van and car at the top right raise
 * stopped-vehicle alerts. Without the video (fixtures not fetched) every camera is offline with
 * the reason and the command that fixes it.
 *
 * @example
 * const vision = await VisionService.start({ config: demoVisionConfig({ seed: 1 }) });
 */
export function demoVisionConfig(options: DemoVisionOptions = {}): VisionConfig {
  const cameras = generateSites({ seed: options.seed ?? 1 }).cameras.filter((c) => c.realVideo);
  const input: VisionConfigInput = {
    cameras: cameras.map((c, i) => ({
      id: c.id,
      name: c.name,
      townCode: c.town_code,
      roadId: c.road_id,
      lon: c.lon,
      lat: c.lat,
      source: {
        kind: "file",
        url: options.videoPath ?? join(DEMO_FIXTURES_DIR, "vtest.avi"),
        fps: options.fps ?? 2,
        loop: true,
        realtime: options.realtime ?? true,
        startSeconds: (i * 20) % 80,
      },
      lines: [
        {
          id: "L1",
          a: { x: 560, y: 580 },
          b: { x: 560, y: 150 },
          names: { leftToRight: "向右", rightToLeft: "向左" },
          up: "left-to-right",
        },
      ],
      zones: [
        {
          id: "plaza",
          name: "广场步行区",
          polygon: rect(0, 150, 768, 576),
          rules: [
            { kind: "crowding", minCount: 6, minSeconds: 5 },
            { kind: "no-vehicle", minSeconds: 3 },
          ],
        },
        {
          id: "kerb",
          name: "楼前停车带",
          polygon: rect(600, 20, 768, 130),
          rules: [{ kind: "stopped-vehicle", minSeconds: 20 }],
        },
      ],
      ...(i === 3 ? { tracker: { highScore: 0.35 } } : {}),
    })),
  };
  return parseVisionConfig(input, "demo vision config");
}
