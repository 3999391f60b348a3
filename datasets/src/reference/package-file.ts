import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** Reads a data file shipped inside an installed npm package (Node only). */
export function readPackageFile(pkg: string, relativePath: string): string {
  let root: string;
  try {
    root = dirname(require.resolve(`${pkg}/package.json`));
  } catch (cause) {
    throw new Error(`package "${pkg}" is not installed; run npm ci in the repository root`, { cause });
  }
  return readFileSync(join(root, relativePath), "utf8");
}
