export { JpegStreamSplitter, createFfmpegFrameSource, ffmpegArgs } from "./ffmpeg/index.ts";
export type { FfmpegSourceOptions } from "./ffmpeg/index.ts";
export type { FrameSource } from "./frame-source.ts";
export { MAX_FRAME_PIXELS, PushFrameError, createPushFrameSource, probeFrame } from "./push/index.ts";
export type { FrameProbe, PushFrameErrorCode, PushFrameSource } from "./push/index.ts";
export { createHttpSnapshotSource } from "./http-snapshot/index.ts";
export type { HttpSnapshotSource, HttpSnapshotSourceOptions } from "./http-snapshot/index.ts";
export type { SourceStatus } from "./source-status.ts";
