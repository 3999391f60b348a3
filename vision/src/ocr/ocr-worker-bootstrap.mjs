// Entry point of the OCR worker thread. The packages ship TypeScript sources (see
// server/bin/citybrain.js); loader hooks are per thread, so the worker registers tsx itself.
import { register } from "tsx/esm/api";

register();
await import("./ocr-worker.ts");
