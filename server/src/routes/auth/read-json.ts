import type { Context } from "hono";
import type { z } from "zod";
import { apiError } from "../../errors.ts";

/** Bodies of the auth routes are small; anything larger is a mistake or an attack. */
const MAX_BODY_BYTES = 16 * 1024;

function fieldOf(issue: z.core.$ZodIssue): string {
  if (issue.path.length > 0) {
    return issue.path
      .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`))
      .join("");
  }
  if (issue.code === "unrecognized_keys") return issue.keys[0] ?? "(body)";
  return "(body)";
}

/**
 * Reads a JSON body and validates it; on failure answers 400 naming the field, 415 for a body
 * that is not `application/json` (which also keeps cross-site HTML forms out), 413 when too big.
 * @example
 * const body = await readJson(c, loginBody);
 * if (body instanceof Response) return body;
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S> | Response> {
  const type = c.req.header("Content-Type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return apiError(c, 415, "unsupported_media_type", `send the body as application/json, not "${type}"`, {
      header: "Content-Type",
    });
  }
  const text = await c.req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    return apiError(c, 413, "payload_too_large", `body over ${MAX_BODY_BYTES} bytes`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return apiError(c, 400, "invalid_json", `body is not JSON: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ field: fieldOf(i), message: i.message }));
  const first = issues[0] ?? { field: "(body)", message: "invalid" };
  return apiError(c, 400, "invalid_body", `field "${first.field}": ${first.message}`, {
    field: first.field,
    issues,
  });
}
