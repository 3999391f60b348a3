import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CENTERNET_COCO } from "../models/catalog.ts";
import { resolveModelFiles } from "../models/resolve-model-files.ts";
import { convertTfjsGraph } from "./convert-tfjs-graph.ts";
import { readTfjsGraph } from "./tfjs-graph.ts";

/** Bump when the converter's output changes, so cached files from older converters are rebuilt. */
export const CONVERTER_VERSION = 1;

/** Default cache: `<repo>/.cache/models` (gitignored), or `$CITYBRAIN_MODEL_CACHE`. */
export function defaultModelCacheDir(): string {
  const env = process.env.CITYBRAIN_MODEL_CACHE;
  if (env) return resolve(env);
  return resolve(dirname(fileURLToPath(import.meta.url)), "../../../.cache/models");
}

/** A converted model on disk. */
export interface ConvertedModel {
  path: string;
  /** sha256 of the source files and converter version that the cache key is made of. */
  sourceKey: string;
  /** True when this call converted it; false when the cached file was reused. */
  converted: boolean;
  /** Milliseconds spent converting (0 when reused). */
  conversionMs: number;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Returns the ONNX version of the CenterNet COCO detector, converting the TFJS graph shipped by
 * @vladmandic/human on first use and caching it under a name keyed by the source checksums.
 * The cached file's own sha256 is kept beside it and checked on reuse; a damaged file is rebuilt.
 * Writes go to a temp name and are renamed into place, so concurrent workers never read half a file.
 *
 * @example
 * const { path } = await ensureCenternetOnnx();
 * const session = await InferenceSession.create(path);
 */
export async function ensureCenternetOnnx(options: { cacheDir?: string } = {}): Promise<ConvertedModel> {
  const { paths, spec } = resolveModelFiles(CENTERNET_COCO);
  const sourceKey = sha256(
    new TextEncoder().encode(`${spec.files.map((f) => f.sha256).join(":")}:converter-v${CONVERTER_VERSION}`),
  );
  const cacheDir = options.cacheDir ?? defaultModelCacheDir();
  const path = join(cacheDir, `${spec.id}-${sourceKey.slice(0, 16)}.onnx`);
  const checksumPath = `${path}.sha256`;
  if (existsSync(path) && existsSync(checksumPath)) {
    if (sha256(readFileSync(path)) === readFileSync(checksumPath, "utf8").trim()) {
      return { path, sourceKey, converted: false, conversionMs: 0 };
    }
  }
  const started = performance.now();
  const graphPath = paths.graph;
  if (!graphPath) throw new Error(`model "${spec.id}" has no graph file in the catalog`);
  let bytes: Uint8Array;
  try {
    bytes = convertTfjsGraph(await readTfjsGraph(graphPath), { name: spec.id, outputs: [...spec.outputs] });
  } catch (error) {
    throw new Error(
      `model "${spec.id}": converting ${graphPath} to ONNX failed: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const conversionMs = performance.now() - started;
  mkdirSync(cacheDir, { recursive: true });
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, path);
  writeFileSync(checksumPath, `${sha256(bytes)}\n`);
  return { path, sourceKey, converted: true, conversionMs };
}
