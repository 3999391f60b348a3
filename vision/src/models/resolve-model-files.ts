import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { ModelFile, ModelSpec } from "./model-spec.ts";

const require = createRequire(import.meta.url);

/** Files already hashed in this process, keyed by path, with the size and mtime they had. */
const verified = new Map<string, { size: number; mtimeMs: number }>();

/** A model's files on disk, by role, each checked against its pinned sha256. */
export interface ResolvedModelFiles {
  spec: ModelSpec;
  paths: Readonly<Record<string, string>>;
}

/** Root folder of an installed npm package, found the way Node resolves it from this package. */
export function packageRoot(packageName: string): string {
  const searched = require.resolve.paths(packageName) ?? [];
  for (const dir of searched) {
    const root = join(dir, packageName);
    if (existsSync(join(root, "package.json"))) return root;
  }
  throw new Error(
    `package ${packageName} is not installed (looked in ${searched.slice(0, 3).join(", ")}, …): ` +
      "it is a dependency of @citybrain/vision; run `npm ci` from the repository root",
  );
}

/** Lower-case hex sha256 of a file's bytes. */
export function sha256File(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/**
 * Checks one model file against its pinned checksum.
 *
 * @throws naming the model, the file and both checksums, and saying how to repair it.
 */
export function verifyModelFile(modelId: string, file: ModelFile, path: string): void {
  if (!existsSync(path)) {
    throw new Error(
      `model "${modelId}": ${file.package} has no ${file.path} (expected ${path}); ` +
        `reinstall it with \`npm ci\``,
    );
  }
  const { size, mtimeMs } = statSync(path);
  const seen = verified.get(path);
  if (seen && seen.size === size && seen.mtimeMs === mtimeMs) return;
  const actual = sha256File(path);
  if (actual !== file.sha256) {
    throw new Error(
      `model "${modelId}": ${file.path} from ${file.package} has sha256 ${actual}, expected ${file.sha256} ` +
        `(${path}). The file is corrupt or a different version of ${file.package} is installed; ` +
        "run `npm ci` to restore the version the lockfile pins",
    );
  }
  verified.set(path, { size, mtimeMs });
}

/**
 * Finds a model's files in their npm packages and verifies each checksum (once per process
 * while the file is unchanged).
 *
 * @example
 * const { paths } = resolveModelFiles(getModelSpec("ppocr-v4-det"));
 * await InferenceSession.create(paths.onnx);
 */
export function resolveModelFiles(spec: ModelSpec): ResolvedModelFiles {
  const paths: Record<string, string> = {};
  for (const file of spec.files) {
    const path = join(packageRoot(file.package), file.path);
    verifyModelFile(spec.id, file, path);
    paths[file.role] = path;
  }
  return { spec, paths };
}
