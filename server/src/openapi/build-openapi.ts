import { z } from "zod";
import type { JsonSchema, OpenApiDocument, OpenApiOperation } from "./openapi-types.ts";
import type { BodyDoc, ResponseDoc, RouteDoc } from "./route-doc.ts";
import { SECURITY, SECURITY_SCHEMES } from "./security-schemes.ts";

const ref = (id: string): JsonSchema => ({ $ref: `#/components/schemas/${id}` });
const pascal = (s: string) =>
  s.replace(/(^|[^a-zA-Z0-9]+)([a-zA-Z0-9])/g, (_, __, ch: string) => ch.toUpperCase());

/** `/alerts/:id` → `/alerts/{id}` (Hono's regex suffixes dropped). */
export function openApiPath(honoPath: string): string {
  return honoPath.replace(/:(\w+)(\{[^}]*\})?/g, "{$1}");
}

/** `get /alerts/:id/ack` → `getAlertsByIdAck`. */
export function operationIdOf(method: string, honoPath: string): string {
  const parts = honoPath
    .split("/")
    .filter(Boolean)
    .map((p) => (p.startsWith(":") ? `By${pascal(p.slice(1).replace(/\{.*$/, ""))}` : pascal(p)));
  return method + parts.join("");
}

function parameters(doc: RouteDoc): OpenApiOperation["parameters"] {
  const out: NonNullable<OpenApiOperation["parameters"]>[number][] = [];
  for (const [where, schema] of [
    ["path", doc.params],
    ["query", doc.query],
  ] as const) {
    if (!schema) continue;
    const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
    const props = (json.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((json.required ?? []) as string[]);
    for (const [name, prop] of Object.entries(props)) {
      const { description, ...rest } = prop;
      out.push({
        name,
        in: where,
        required: where === "path" || required.has(name),
        ...(typeof description === "string" ? { description } : {}),
        schema: rest,
      });
    }
  }
  return out.length ? out : undefined;
}

/** Everything the document says, ready to be rendered. */
export interface ApiDescription {
  readonly title: string;
  readonly version: string;
  readonly description: string;
  readonly tags: readonly { readonly name: string; readonly description: string }[];
  readonly routes: readonly RouteDoc[];
  /** Schemas to name in `components.schemas` (the rest get names from their operation). */
  readonly named: readonly (readonly [z.ZodType, string])[];
}

/**
 * Builds the OpenAPI 3.1 document from route descriptions, converting their zod schemas with
 * `z.toJSONSchema` into `components.schemas` and referring to them by `$ref`.
 * @example
 * const doc = buildOpenApi({ title: "API", version: "1", description: "", tags: TAGS, routes, named: [] });
 */
export function buildOpenApi(api: ApiDescription): OpenApiDocument {
  const registry = z.registry<{ id: string }>();
  const ids = new Map<z.ZodType, string>();
  const idOf = (schema: z.ZodType, fallback: string): string => {
    let id = ids.get(schema);
    if (!id) {
      id = fallback;
      ids.set(schema, id);
      registry.add(schema, { id });
    }
    return id;
  };
  for (const [schema, id] of api.named) idOf(schema, id);

  const paths: Record<string, Record<string, OpenApiOperation>> = {};
  for (const doc of api.routes) {
    const operationId = operationIdOf(doc.method, doc.path);
    const content = (schema: JsonSchema, types: readonly string[]) =>
      Object.fromEntries(types.map((t) => [t, { schema }]));
    const body = (b: BodyDoc) => ({
      required: b.required ?? true,
      ...(b.description ? { description: b.description } : {}),
      content: content(
        ref(idOf(b.schema, `${pascal(operationId)}Body`)),
        b.contentTypes ?? ["application/json"],
      ),
    });
    const response = (status: string, r: ResponseDoc) => ({
      description: r.description,
      ...(r.schema
        ? { content: content(ref(idOf(r.schema, `${pascal(operationId)}${status}`)), ["application/json"]) }
        : r.contentType
          ? { content: content({ type: "string" }, [r.contentType]) }
          : {}),
    });
    const responses = Object.fromEntries(Object.entries(doc.responses).map(([s, r]) => [s, response(s, r)]));
    if (doc.role !== "public") {
      responses["401"] ??= {
        description: "no credential, or a wrong or revoked one",
        content: content(ref("Error"), ["application/json"]),
      };
      responses["403"] ??= {
        description: "the credential's role may not do this (or a missing X-CSRF-Token)",
        content: content(ref("Error"), ["application/json"]),
      };
    }
    const params = parameters(doc);
    (paths[openApiPath(doc.path)] ??= {})[doc.method] = {
      operationId,
      summary: doc.summary,
      ...(doc.description ? { description: doc.description } : {}),
      tags: [doc.tag],
      ...(params ? { parameters: params } : {}),
      ...(doc.body ? { requestBody: body(doc.body) } : {}),
      responses,
      security: SECURITY[doc.role],
      "x-required-role": doc.role,
    };
  }

  const converted = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    io: "input",
    unrepresentable: "any",
  }) as { schemas: Record<string, JsonSchema> };
  const schemas: Record<string, JsonSchema> = {};
  for (const id of Object.keys(converted.schemas).sort()) {
    const { $id: _id, $schema: _schema, ...rest } = converted.schemas[id] as JsonSchema;
    schemas[id] = rest;
  }
  return {
    openapi: "3.1.0",
    info: { title: api.title, version: api.version, description: api.description },
    servers: [{ url: "/api" }],
    tags: api.tags,
    paths,
    components: { schemas, securitySchemes: SECURITY_SCHEMES },
  };
}
