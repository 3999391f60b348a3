export { createCameraFeedPanel } from "./camera-feed-panel.ts";
export type { CameraFeedOptions, CameraFeedPanel } from "./camera-feed-panel.ts";
export { frameAgeSeconds, nextRotation, parseCameraList, shortCameraName } from "./camera-list.ts";
export type { CameraInfo, CameraState, RotationState } from "./camera-list.ts";
