export { MAX_FRAME_PIXELS, probeFrame } from "./probe-frame.ts";
export type { FrameProbe } from "./probe-frame.ts";
export { createPushFrameSource } from "./push-frame-source.ts";
export type { PushFrameSource } from "./push-frame-source.ts";
export { PushFrameError } from "./push-frame-error.ts";
export type { PushFrameErrorCode } from "./push-frame-error.ts";
