export { createCameraSource } from "./camera-source.ts";
export type { CameraSourceOptions } from "./camera-source.ts";
export { demoVisionConfig } from "./demo-config.ts";
export { DEMO_FIXTURES_DIR } from "./fixtures-dir.ts";
export type { DemoVisionOptions } from "./demo-config.ts";
export { VisionService } from "./vision-service.ts";
export type { CameraStatus, PushResult, VisionHealth, VisionServiceOptions } from "./vision-service.ts";
