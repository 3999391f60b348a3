import type { JsonSchema, OpenApiDocument } from "./openapi-types.ts";
import { contentSchema, operations, schemaLabel } from "./schema-label.ts";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
// Inline `code` in descriptions, after escaping.
const prose = (s: string) => esc(s).replace(/`([^`]+)`/g, "<code>$1</code>");

function typeHtml(s: JsonSchema | undefined): string {
  const label = schemaLabel(s);
  const ref =
    typeof s?.$ref === "string"
      ? label
      : typeof (s?.items as JsonSchema)?.$ref === "string"
        ? label.slice(0, -2)
        : "";
  return ref ? `<a href="#schema-${esc(ref)}"><code>${esc(label)}</code></a>` : `<code>${esc(label)}</code>`;
}

function schemaJsonHtml(schema: JsonSchema): string {
  return esc(JSON.stringify(schema, null, 2)).replace(
    /&quot;#\/components\/schemas\/([\w-]+)&quot;/g,
    (_, id: string) => `<a href="#schema-${id}">&quot;#/components/schemas/${id}&quot;</a>`,
  );
}

const STYLE = `
body{font:15px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1b2330;background:#f6f8fb}
main{max-width:960px;margin:0 auto;padding:24px}
h1{margin:.2em 0}h2{border-bottom:2px solid #d5dbe5;padding-bottom:4px;margin-top:2em}
section{background:#fff;border:1px solid #dde3ec;border-radius:6px;padding:12px 16px;margin:14px 0}
h3{margin:0 0 6px;font-size:16px}.m{display:inline-block;min-width:58px;text-align:center;border-radius:4px;color:#fff;font-size:12px;padding:2px 6px;margin-right:6px}
.get{background:#2b7bd6}.post{background:#2c9a5a}.put{background:#c98a12}.delete{background:#c83c3c}
.role{float:right;font-size:12px;background:#eef1f6;border-radius:10px;padding:2px 8px}
table{border-collapse:collapse;width:100%;margin:6px 0}td,th{border-top:1px solid #e5e9f0;padding:4px 6px;text-align:left;vertical-align:top}
th{font-size:12px;color:#5a6474}pre{background:#0f1722;color:#d7e0ec;padding:10px;border-radius:6px;overflow:auto;font-size:12px}
pre a{color:#8cc4ff}code{font-size:13px}nav a{margin-right:12px}`;

/**
 * A readable, self-contained HTML page of the document: no scripts, no CDN, works offline.
 * @example
 * c.html(renderDocsHtml(apiDocument()));
 */
export function renderDocsHtml(doc: OpenApiDocument): string {
  const out: string[] = [
    "<!doctype html>",
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${esc(doc.info.title)}</title><style>${STYLE}</style></head><body><main>`,
    `<h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1>`,
    ...doc.info.description.split("\n\n").map((p) => `<p>${prose(p)}</p>`),
    '<p>Machine-readable: <a href="openapi.json">openapi.json</a> (OpenAPI 3.1). Paths are under <code>/api</code>.</p>',
    `<nav>${doc.tags.map((t) => `<a href="#tag-${esc(t.name)}">${esc(t.name)}</a>`).join("")}<a href="#schemas">schemas</a></nav>`,
  ];
  const ops = operations(doc);
  for (const tag of doc.tags) {
    out.push(`<h2 id="tag-${esc(tag.name)}">${esc(tag.name)}</h2><p>${prose(tag.description)}</p>`);
    for (const { method, path, op } of ops.filter((o) => o.op.tags.includes(tag.name))) {
      out.push(
        `<section id="${esc(op.operationId)}"><h3><span class="m ${method}">${method.toUpperCase()}</span>` +
          `<code>/api${esc(path)}</code><span class="role">${esc(op["x-required-role"])}</span></h3>`,
        `<p>${prose(op.summary)}</p>`,
      );
      if (op.description) out.push(`<p>${prose(op.description)}</p>`);
      if (op.parameters?.length) {
        out.push("<table><tr><th>parameter</th><th>in</th><th>type</th><th>description</th></tr>");
        for (const p of op.parameters) {
          out.push(
            `<tr><td><code>${esc(p.name)}</code>${p.required ? " *" : ""}</td><td>${p.in}</td>` +
              `<td>${typeHtml(p.schema)}</td><td>${prose(p.description ?? "")}</td></tr>`,
          );
        }
        out.push("</table>");
      }
      if (op.requestBody) {
        const { types, schema } = contentSchema(op.requestBody.content);
        out.push(
          `<p>Body${op.requestBody.required ? "" : " (optional)"}: ${typeHtml(schema)} as ` +
            `${types.map((t) => `<code>${esc(t)}</code>`).join(", ")}</p>`,
        );
      }
      out.push("<table><tr><th>status</th><th>answer</th><th>body</th></tr>");
      for (const [status, r] of Object.entries(op.responses)) {
        const { types, schema } = contentSchema(r.content);
        const body = schema?.$ref ? typeHtml(schema) : types.map((t) => `<code>${esc(t)}</code>`).join(", ");
        out.push(`<tr><td>${status}</td><td>${prose(r.description)}</td><td>${body}</td></tr>`);
      }
      out.push("</table></section>");
    }
  }
  out.push('<h2 id="schemas">schemas</h2>');
  for (const [id, schema] of Object.entries(doc.components.schemas)) {
    out.push(
      `<section id="schema-${esc(id)}"><h3>${esc(id)}</h3><pre>${schemaJsonHtml(schema)}</pre></section>`,
    );
  }
  out.push("</main></body></html>");
  return `${out.join("\n")}\n`;
}
