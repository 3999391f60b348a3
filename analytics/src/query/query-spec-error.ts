/** One problem found in a query spec, located by a path like `filters[0].values`. */
export interface QuerySpecIssue {
  path: string;
  message: string;
}

/**
 * Thrown for a spec that cannot become SQL. The message lists every problem with its path,
 * e.g. `invalid query spec: filters[0].values: filter on field "day": op "between" needs exactly 2 value(s), got 1`.
 */
export class QuerySpecError extends Error {
  readonly issues: readonly QuerySpecIssue[];

  constructor(issues: readonly QuerySpecIssue[]) {
    super(
      `invalid query spec: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")}`,
    );
    this.name = "QuerySpecError";
    this.issues = issues;
  }
}

/** Render a path array as `filters[0].values`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
