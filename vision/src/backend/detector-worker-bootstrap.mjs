// Entry point of detector worker threads. The packages ship TypeScript sources (see
// server/bin/citybrain.js); loader hooks are per thread, so each worker registers tsx itself.
import { register } from "tsx/esm/api";

register();
await import("./detector-worker.ts");
