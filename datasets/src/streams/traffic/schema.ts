import { defineStream, nullable, t } from "../../schema/index.ts";
import { TRAFFIC_CLASSES } from "../enums.ts";

/** Per-minute counts at a camera's counting line, by direction and class. */
export const traffic = defineStream({
  name: "traffic",
  title: { zh: "视频交通流量", en: "Camera traffic counts" },
  grain: "1m",
  timeField: "ts",
  key: ["camera_id", "line_id", "direction", "class", "ts"],
  fields: {
    ts: t.timestamp("start of the minute (UTC)"),
    camera_id: t.id("camera id, e.g. CAM-00001"),
    line_id: t.id("counting line id within the camera"),
    road_id: nullable(t.id("road the line lies on")),
    town_code: t.id("town/street code"),
    direction: t.enum(["up", "down"] as const, "direction of travel across the line (上行/下行)"),
    class: t.enum(TRAFFIC_CLASSES, "road-user class"),
    count: t.int("crossings in the minute", { min: 0 }),
    mean_speed_kmh: nullable(t.float("mean speed of the crossings", { min: 0, max: 250, unit: "km/h" })),
  },
});
