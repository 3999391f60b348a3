import { QuerySpecError, formatIssuePath } from "./query-spec-error.ts";
import { querySpecSchema } from "./query-spec.ts";
import type { QuerySpec } from "./query-spec.ts";

/**
 * Validate untrusted input (a request body, a URL-encoded report) as a {@link QuerySpec}.
 *
 * @throws QuerySpecError listing each problem with its path, e.g. `measures[0].agg: …`.
 */
export function parseQuerySpec(input: unknown): QuerySpec {
  const result = querySpecSchema.safeParse(input);
  if (result.success) return result.data;
  throw new QuerySpecError(
    result.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })),
  );
}
