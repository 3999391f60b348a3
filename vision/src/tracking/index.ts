export { IouTracker } from "./iou-tracker.ts";
export { TRACKER_DEFAULTS } from "./tracker-options.ts";
export type { TrackerOptions } from "./tracker-options.ts";
export type { Track } from "./track.ts";
