export { compareCrossings } from "./compare-crossings.ts";
export type { CrossingComparison, TimedCrossing } from "./compare-crossings.ts";
export { lineLabelsSchema, loadLineLabels } from "./line-labels.ts";
export type { LineLabels } from "./line-labels.ts";
export { runCountQa } from "./run-count-qa.ts";
export type { CountQaOptions, CountQaResult } from "./run-count-qa.ts";
export { cachingBackend } from "./detection-cache.ts";
export type { CachingBackend } from "./detection-cache.ts";
