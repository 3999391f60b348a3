import type { z } from "zod";
import { alertRulesSchema, type AlertRules } from "./alert-rule-config.ts";

/** A rule set that failed validation; `issues` hold one line per problem. */
export class AlertConfigError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`invalid alert rules:\n  ${issues.join("\n  ")}`);
    this.name = "AlertConfigError";
  }
}

function ruleName(input: unknown, index: number): string {
  const rules = (input as { rules?: unknown } | null)?.rules;
  const id = Array.isArray(rules) ? (rules[index] as { id?: unknown } | null)?.id : undefined;
  return typeof id === "string" && id ? `rule "${id}"` : `rule #${index + 1}`;
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i > 0 ? "." : ""}${String(p)}`)).join("");
}

function describe(input: unknown, issue: z.core.$ZodIssue): string {
  const [head, index, ...rest] = issue.path;
  if (head === "rules" && typeof index === "number") {
    const field = rest.length > 0 ? `, field "${fieldPath(rest)}"` : "";
    return `${ruleName(input, index)}${field}: ${issue.message}`;
  }
  return `${issue.path.length > 0 ? `field "${fieldPath(issue.path)}"` : "config"}: ${issue.message}`;
}

/**
 * Validates an alert rule set (e.g. parsed from JSON) and applies defaults. Errors name the rule
 * by id and the field: `rule "septic.ch4", field "levels[1].value": expected number, received string`.
 * @example
 * const rules = parseAlertRules({ rules: [{ kind: "offline", id: "septic.offline", source: "septic", afterMinutes: 30, severity: "major" }] });
 * @throws {AlertConfigError} listing every problem found.
 */
export function parseAlertRules(input: unknown): AlertRules {
  const parsed = alertRulesSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AlertConfigError(parsed.error.issues.map((issue) => describe(input, issue)));
}
