export { createHttpSnapshotSource } from "./http-snapshot-source.ts";
export type { HttpSnapshotSource, HttpSnapshotSourceOptions } from "./http-snapshot-source.ts";
