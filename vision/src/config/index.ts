export { cameraConfigSchema, visionConfigSchema } from "./camera-config.ts";
export type {
  CameraConfig,
  CameraConfigInput,
  LineConfig,
  SourceConfig,
  VisionConfig,
  VisionConfigInput,
  ZoneConfig,
  ZoneRule,
} from "./camera-config.ts";
export { plateConfigSchema } from "./plate-config.ts";
export type { PlateConfig } from "./plate-config.ts";
export {
  VisionConfigError,
  loadVisionConfig,
  parseCameraConfig,
  parseVisionConfig,
} from "./parse-vision-config.ts";
