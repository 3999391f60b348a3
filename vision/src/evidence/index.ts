export { annotateScene } from "./annotate-scene.ts";
export type { AnnotateOptions } from "./annotate-scene.ts";
export { EvidenceStore } from "./evidence-store.ts";
export type { EvidenceStoreOptions } from "./evidence-store.ts";
export { escapeXml, sceneOverlaySvg } from "./scene-overlay.ts";
