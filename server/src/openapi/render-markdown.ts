import type { OpenApiDocument } from "./openapi-types.ts";
import { contentSchema, operations, schemaLabel } from "./schema-label.ts";

// Pipes would break a table cell; newlines too.
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/**
 * The document as Markdown for `docs/api/README.md`: an index of every route, then each route's
 * parameters, body and answers. Schemas are named; their definitions are in `openapi.json`.
 * @example
 * await writeFile("docs/api/README.md", renderMarkdown(apiDocument()));
 */
export function renderMarkdown(doc: OpenApiDocument): string {
  const ops = operations(doc);
  const out: string[] = [
    `# ${doc.info.title} ${doc.info.version}`,
    "",
    "<!-- Generated from the routes' zod schemas by server/scripts/write-api-docs.ts; do not edit. -->",
    "",
    "Generated: run `npx tsx server/scripts/write-api-docs.ts` after changing a route. The same",
    "document is served by the running server at `/api/openapi.json`, and as a page at `/api/docs`.",
    "",
    doc.info.description,
    "",
    "| method | path | role | what |",
    "| --- | --- | --- | --- |",
    ...ops.map(
      ({ method, path, op }) =>
        `| ${method.toUpperCase()} | [\`/api${path}\`](#${op.operationId.toLowerCase()}) | ${op["x-required-role"]} | ${cell(op.summary)} |`,
    ),
  ];
  for (const tag of doc.tags) {
    out.push("", `## ${tag.name}`, "", tag.description);
    for (const { method, path, op } of ops.filter((o) => o.op.tags.includes(tag.name))) {
      out.push(
        "",
        `### ${op.operationId}`,
        "",
        `\`${method.toUpperCase()} /api${path}\` — ${op.summary}`,
        "",
      );
      out.push(`Role: \`${op["x-required-role"]}\`.${op.description ? ` ${op.description}` : ""}`);
      if (op.parameters?.length) {
        out.push("", "| parameter | in | type | description |", "| --- | --- | --- | --- |");
        for (const p of op.parameters) {
          const name = `\`${p.name}\`${p.required ? " (required)" : ""}`;
          out.push(
            `| ${name} | ${p.in} | \`${cell(schemaLabel(p.schema))}\` | ${cell(p.description ?? "")} |`,
          );
        }
      }
      if (op.requestBody) {
        const { types, schema } = contentSchema(op.requestBody.content);
        const optional = op.requestBody.required ? "" : " (optional)";
        out.push(
          "",
          `Body${optional}: \`${schemaLabel(schema)}\` as ${types.map((t) => `\`${t}\``).join(", ")}.`,
        );
      }
      out.push("", "| status | answer | body |", "| --- | --- | --- |");
      for (const [status, r] of Object.entries(op.responses)) {
        const { types, schema } = contentSchema(r.content);
        const body = schema?.$ref ? `\`${schemaLabel(schema)}\`` : types.map((t) => `\`${t}\``).join(", ");
        out.push(`| ${status} | ${cell(r.description)} | ${body} |`);
      }
    }
  }
  out.push("", "## schemas", "", "Defined in [openapi.json](openapi.json) under `components.schemas`:", "");
  out.push(
    Object.keys(doc.components.schemas)
      .map((id) => `\`${id}\``)
      .join(", "),
  );
  return `${out.join("\n")}\n`;
}
