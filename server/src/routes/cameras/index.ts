export { cameraRoutes } from "./camera-routes.ts";
export type { CameraRoutesOptions } from "./camera-routes.ts";
export {
  cameraHealthSchema,
  cameraListSchema,
  pushFrameQuery,
  pushFrameResultSchema,
} from "./camera-schemas.ts";
export type { PushFrameResult } from "./camera-schemas.ts";
export type { CameraSource, CameraStatus } from "./camera-source.ts";
export { parseFrameTime } from "./frame-time.ts";
export type { FrameTime } from "./frame-time.ts";
export { DEFAULT_MAX_FRAME_BYTES, pushFrameRoute } from "./push-frame-route.ts";
export type { PushFrameRouteOptions } from "./push-frame-route.ts";
export { visionDisabledRoutes } from "./vision-disabled-routes.ts";
