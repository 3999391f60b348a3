import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import { apiDocument } from "./api-document.ts";
import { renderMarkdown } from "./render-markdown.ts";

/** `docs/api/` of the repository, where the generated API reference is committed. */
export const API_DOCS_DIR = fileURLToPath(new URL("../../../docs/api/", import.meta.url));

/** The generated files, by name inside {@link API_DOCS_DIR}. */
export type ApiDocFiles = Readonly<Record<"openapi.json" | "README.md", string>>;

// Formatted exactly as `prettier --check .` wants them, so the generated files pass it as written.
async function pretty(text: string, name: string): Promise<string> {
  const filepath = join(API_DOCS_DIR, name);
  return format(text, { ...(await resolveConfig(filepath)), filepath });
}

/**
 * The contents of `docs/api/openapi.json` and `docs/api/README.md`, generated from the routes.
 * @example
 * for (const [name, text] of Object.entries(await renderApiDocFiles())) await writeFile(join(API_DOCS_DIR, name), text);
 */
export async function renderApiDocFiles(): Promise<ApiDocFiles> {
  const doc = apiDocument();
  return {
    "openapi.json": await pretty(JSON.stringify(doc), "openapi.json"),
    "README.md": await pretty(renderMarkdown(doc), "README.md"),
  };
}
