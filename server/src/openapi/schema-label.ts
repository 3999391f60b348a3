import type { JsonSchema, OpenApiDocument, OpenApiOperation } from "./openapi-types.ts";

/** The name a `$ref` points at (`#/components/schemas/Alert` → `Alert`). */
export function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf("/") + 1);
}

/**
 * A short type for people: `Alert`, `string`, `"open" | "ack"`, `Alert[]`, `integer ≤ 1000`.
 * @example
 * schemaLabel({ type: "array", items: { $ref: "#/components/schemas/Alert" } }); // "Alert[]"
 */
export function schemaLabel(s: JsonSchema | undefined): string {
  if (!s) return "";
  if (typeof s.$ref === "string") return refName(s.$ref);
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  for (const key of ["anyOf", "oneOf"] as const) {
    const list = s[key];
    if (Array.isArray(list)) return (list as JsonSchema[]).map(schemaLabel).join(" | ");
  }
  if (s.type === "array") return `${schemaLabel(s.items as JsonSchema | undefined) || "any"}[]`;
  if (Array.isArray(s.type)) return s.type.join(" | ");
  if (typeof s.type === "string") return s.type;
  return "any";
}

/** Every operation of the document with its method and path, in document order. */
export function operations(doc: OpenApiDocument): { method: string; path: string; op: OpenApiOperation }[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method, path, op })),
  );
}

/** The schema of an operation's JSON body or answer, when it has one. */
export function contentSchema(content: Record<string, { schema: JsonSchema }> | undefined): {
  types: string[];
  schema: JsonSchema | undefined;
} {
  const types = Object.keys(content ?? {});
  return { types, schema: types[0] ? content?.[types[0]]?.schema : undefined };
}
