import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Packages the browser entry may pull in; everything else (node:*, @duckdb/node-api, …) is a bug.
const ALLOWED_PACKAGES = new Set(["zod"]);
const IMPORT_RE = /^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|^\s*import\s+"([^"]+)"/gm;

function importGraph(entry: string): { files: string[]; packages: Set<string> } {
  const files: string[] = [];
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.includes(file)) continue;
    files.push(file);
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT_RE)) {
      const spec = (match[1] ?? match[2]) as string;
      if (spec.startsWith(".")) queue.push(resolve(dirname(file), spec));
      else packages.add(spec);
    }
  }
  return { files, packages };
}

describe("browser entry", () => {
  it("reaches no Node module", () => {
    const entry = resolve(dirname(fileURLToPath(import.meta.url)), "../browser.ts");
    const { files, packages } = importGraph(entry);
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((f) => f.includes(".test"))).toEqual([]);
    expect([...packages].filter((p) => !ALLOWED_PACKAGES.has(p))).toEqual([]);
  });
});
