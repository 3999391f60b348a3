export { JpegStreamSplitter, createFfmpegFrameSource, ffmpegArgs } from "./ffmpeg/index.ts";
export type { FfmpegSourceOptions } from "./ffmpeg/index.ts";
export type { FrameSource } from "./frame-source.ts";
export { createPushFrameSource } from "./push/index.ts";
export type { PushFrameSource } from "./push/index.ts";
