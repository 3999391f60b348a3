export { createPushFrameSource } from "./push-frame-source.ts";
export type { PushFrameSource } from "./push-frame-source.ts";
