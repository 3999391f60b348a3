export { createFfmpegFrameSource, ffmpegArgs } from "./ffmpeg-frame-source.ts";
export type { FfmpegSourceOptions } from "./ffmpeg-frame-source.ts";
export { JpegStreamSplitter } from "./split-jpeg-stream.ts";
