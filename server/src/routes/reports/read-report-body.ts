import type { Context } from "hono";
import { apiError } from "../../errors.ts";
import { reportBody, type ReportBody } from "./report-schemas.ts";

function fieldOf(path: readonly PropertyKey[], keys?: readonly string[]): string {
  const parts = path.map((p) => String(p));
  if (keys?.[0] !== undefined) parts.push(keys[0]);
  return parts.length > 0 ? parts.join(".") : "(body)";
}

/**
 * Reads and validates a report definition: 415 for a body that is not JSON, 400 naming the first
 * bad field (`spec.measures.0.agg`) with every issue in `details.issues`, and — when `sources` is
 * given — 400 for a spec that reads from anything else.
 */
export async function readReportBody(
  c: Context,
  sources: readonly string[] | undefined,
): Promise<ReportBody | Response> {
  const type = c.req.header("Content-Type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return apiError(c, 415, "unsupported_media_type", `send the body as application/json, not "${type}"`, {
      header: "Content-Type",
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(await c.req.text());
  } catch (e) {
    return apiError(c, 400, "invalid_json", `body is not JSON: ${(e as Error).message}`);
  }
  const parsed = reportBody.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      field: fieldOf(i.path, i.code === "unrecognized_keys" ? i.keys : undefined),
      message: i.code === "unrecognized_keys" ? "is not a field of a report" : i.message,
    }));
    const first = issues[0] ?? { field: "(body)", message: "invalid" };
    return apiError(c, 400, "invalid_body", `field "${first.field}": ${first.message}`, {
      field: first.field,
      issues,
    });
  }
  if (sources && !sources.includes(parsed.data.spec.from)) {
    return apiError(c, 400, "invalid_body", `field "spec.from": no source "${parsed.data.spec.from}"`, {
      field: "spec.from",
      expected: sources,
    });
  }
  return parsed.data;
}
