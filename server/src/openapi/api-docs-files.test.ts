import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { API_DOCS_DIR, renderApiDocFiles } from "./api-docs-files.ts";

// Reference-output test: the committed API reference is what the routes generate today.
describe("docs/api", () => {
  it("is up to date with the routes (else run: npx tsx server/scripts/write-api-docs.ts)", async () => {
    const files = await renderApiDocFiles();
    for (const [name, expected] of Object.entries(files)) {
      const committed = await readFile(join(API_DOCS_DIR, name), "utf8").catch(() => "(missing)");
      expect(committed, `docs/api/${name} is stale: run npx tsx server/scripts/write-api-docs.ts`).toBe(
        expected,
      );
    }
  });
});
