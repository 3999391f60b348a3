export { IouTracker } from "./iou-tracker.ts";
export type { TrackerOptions } from "./iou-tracker.ts";
export type { Track } from "./track.ts";
