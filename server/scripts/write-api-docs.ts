// Writes docs/api/openapi.json and docs/api/README.md from the routes' zod schemas.
// Run after changing a route: `npx tsx server/scripts/write-api-docs.ts` (from the repository root).
// src/openapi/api-docs-files.test.ts fails while the committed files are out of date.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { API_DOCS_DIR, renderApiDocFiles } from "../src/openapi/api-docs-files.ts";

await mkdir(API_DOCS_DIR, { recursive: true });
for (const [name, text] of Object.entries(await renderApiDocFiles())) {
  await writeFile(join(API_DOCS_DIR, name), text);
  process.stderr.write(`wrote ${join(API_DOCS_DIR, name)} (${Buffer.byteLength(text)} bytes)\n`);
}
