import { TRAFFIC_CLASSES } from "@citybrain/datasets";
import { z } from "zod";
import { checkPlateZone, plateConfigSchema } from "./plate-config.ts";

/**
 * The camera config file: one zod schema from which the TypeScript types are inferred, so the
 * field list is written once. Times are in seconds and positions in image pixels of the
 * camera's frames (x right, y down).
 */

const id = z.string().regex(/^[\w.:-]{1,64}$/, "letters, digits, _ . : - (1–64 characters)");
const point = z.object({ x: z.number().finite(), y: z.number().finite() }).strict();
const trafficClass = z.enum(TRAFFIC_CLASSES);
const severity = z.enum(["critical", "major", "minor", "info"]);
const VEHICLES = ["car", "bus", "truck", "motorcycle"] as const;

const crowdingRule = z
  .object({
    kind: z.literal("crowding"),
    /** Objects of `classes` in the zone at once that count as a crowd. */
    minCount: z.number().int().min(1),
    /** Seconds the crowd must persist before the alert. */
    minSeconds: z.number().min(0).default(10),
    classes: z.array(trafficClass).min(1).default(["person"]),
    severity: severity.default("major"),
  })
  .strict();

const noVehicleRule = z
  .object({
    kind: z.literal("no-vehicle"),
    /** Seconds a vehicle must be inside before the alert (filters boxes clipping the edge). */
    minSeconds: z.number().min(0).default(2),
    classes: z
      .array(trafficClass)
      .min(1)
      .default([...VEHICLES]),
    severity: severity.default("minor"),
  })
  .strict();

const stoppedVehicleRule = z
  .object({
    kind: z.literal("stopped-vehicle"),
    /** Seconds a vehicle must stay nearly motionless. */
    minSeconds: z.number().min(1).default(60),
    /** How far (pixels) the vehicle's ground point may wander and still count as stopped. */
    maxMovePx: z.number().positive().default(8),
    classes: z
      .array(trafficClass)
      .min(1)
      .default([...VEHICLES]),
    severity: severity.default("major"),
  })
  .strict();

const zoneRule = z.discriminatedUnion("kind", [crowdingRule, noVehicleRule, stoppedVehicleRule]);

const line = z
  .object({
    id,
    /** From `a` to `b`; directions are named as seen looking along the line from a to b. */
    a: point,
    b: point,
    /** Names of the two directions (shown on snapshots), e.g. `{ leftToRight: "进城", rightToLeft: "出城" }`. */
    names: z
      .object({ leftToRight: z.string().min(1), rightToLeft: z.string().min(1) })
      .strict()
      .optional(),
    /** Which crossing direction is the traffic stream's `up` (上行); the other is `down`. */
    up: z.enum(["left-to-right", "right-to-left"]),
    /** Road the line lies on; the camera's road when omitted. */
    roadId: id.nullable().optional(),
  })
  .strict()
  .refine((l) => l.a.x !== l.b.x || l.a.y !== l.b.y, { message: "a and b must differ", path: ["b"] });

const zone = z
  .object({
    id,
    /** Place name used in alert messages, e.g. "人民广场". */
    name: z.string().min(1).optional(),
    polygon: z.array(point).min(3, "a polygon needs at least 3 points"),
    rules: z.array(zoneRule).default([]),
  })
  .strict();

const source = z
  .object({
    kind: z.enum(["file", "rtsp", "http-snapshot", "push"]),
    /** File path, `rtsp://…` or `http(s)://…` snapshot URL; none for `push`. */
    url: z.string().min(1).optional(),
    /** Frames per second to sample. */
    fps: z.number().positive().max(30).default(2),
    /** `file` only: play the file over and over (`-stream_loop -1`). */
    loop: z.boolean().default(false),
    /** `file` only: read at the video's own speed, as a live camera would deliver it (`-re`). */
    realtime: z.boolean().default(false),
    /** `file` only: seconds into the video to start at. */
    startSeconds: z.number().min(0).default(0),
  })
  .strict()
  .superRefine((s, ctx) => {
    const need = (ok: boolean, expected: string): void => {
      if (!ok) ctx.addIssue({ code: "custom", path: ["url"], message: `${s.kind} needs ${expected}` });
    };
    if (s.kind === "file") need(s.url !== undefined, "a file path");
    if (s.kind === "rtsp") need(/^rtsps?:\/\//.test(s.url ?? ""), "an rtsp:// URL");
    if (s.kind === "http-snapshot") need(/^https?:\/\//.test(s.url ?? ""), "an http:// or https:// URL");
    if (s.kind === "push" && s.url !== undefined)
      ctx.addIssue({ code: "custom", path: ["url"], message: "push sources have no url" });
  });

/** One camera: where its frames come from, where it is, its counting lines and watched zones. */
export const cameraConfigSchema = z
  .object({
    id,
    /** Display name used in alert messages, e.g. "桂林街道·人民路与潼龙路路口". */
    name: z.string().min(1).optional(),
    townCode: id,
    roadId: id.nullable().default(null),
    lon: z.number().min(-180).max(180).nullable().default(null),
    lat: z.number().min(-90).max(90).nullable().default(null),
    source,
    lines: z.array(line).default([]),
    zones: z.array(zone).default([]),
    /** Tracker settings (see `TrackerOptions`); e.g. a lower `highScore` for far, small vehicles. */
    tracker: z
      .object({
        highScore: z.number().min(0).max(1).optional(),
        matchIou: z.number().min(0).max(1).optional(),
        minHits: z.number().int().min(1).optional(),
        maxMissed: z.number().int().min(0).optional(),
        lowMatchIou: z.number().min(0).max(1).optional(),
        maxLostMs: z.number().int().min(0).max(60_000).optional(),
        maxCentreDistance: z.number().min(0).max(10).optional(),
        maxSpeed: z.number().min(0).max(50).optional(),
        maxManoeuvre: z.number().min(0).max(50).optional(),
      })
      .strict()
      .default({}),
    /** Ground scale; with it, crossings get a speed estimate from track displacement. */
    calibration: z.object({ metresPerPixel: z.number().positive() }).strict().optional(),
    /** Licence-plate reading of confirmed vehicles (see `PlateConfig`); off when omitted. */
    plates: plateConfigSchema.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    checkPlateZone(c, ctx);
    for (const [field, items] of [
      ["lines", c.lines],
      ["zones", c.zones],
    ] as const) {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.id))
          ctx.addIssue({ code: "custom", path: [field, i, "id"], message: `duplicate id "${item.id}"` });
        seen.add(item.id);
      });
    }
  });

/** The whole file: a list of cameras with unique ids. */
export const visionConfigSchema = z
  .object({ cameras: z.array(cameraConfigSchema) })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.cameras.forEach((c, i) => {
      if (seen.has(c.id))
        ctx.addIssue({
          code: "custom",
          path: ["cameras", i, "id"],
          message: `duplicate camera id "${c.id}"`,
        });
      seen.add(c.id);
    });
  });

/** A validated camera, defaults filled in. */
export type CameraConfig = z.output<typeof cameraConfigSchema>;
/** A camera as written in the file (defaults may be omitted). */
export type CameraConfigInput = z.input<typeof cameraConfigSchema>;
export type LineConfig = CameraConfig["lines"][number];
export type ZoneConfig = CameraConfig["zones"][number];
export type ZoneRule = ZoneConfig["rules"][number];
export type SourceConfig = CameraConfig["source"];
/** A validated config file. */
export type VisionConfig = z.output<typeof visionConfigSchema>;
/** A config file as written. */
export type VisionConfigInput = z.input<typeof visionConfigSchema>;
