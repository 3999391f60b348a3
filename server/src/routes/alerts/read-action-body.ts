import type { Context } from "hono";
import { apiError } from "../../errors.ts";
import { alertActionBody } from "./alert-schemas.ts";

/**
 * Reads the optional body of an ack/close: empty, or JSON `{ "note": "…" }`. Answers 415 for a
 * non-JSON body, 400 naming the field for a bad one.
 */
export async function readActionBody(c: Context): Promise<{ note?: string } | Response> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  const type = c.req.header("Content-Type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return apiError(c, 415, "unsupported_media_type", `send the body as application/json, not "${type}"`, {
      header: "Content-Type",
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return apiError(c, 400, "invalid_json", `body is not JSON: ${(e as Error).message}`);
  }
  const parsed = alertActionBody.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field =
    issue?.code === "unrecognized_keys" ? (issue.keys[0] ?? "(body)") : String(issue?.path[0] ?? "(body)");
  return apiError(c, 400, "invalid_body", `field "${field}": ${issue?.message ?? "invalid"}`, { field });
}
