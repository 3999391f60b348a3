import { z } from "zod";
import { querySpecSchema } from "@citybrain/analytics/browser";

/** Chart types the report builder draws. */
export const CHART_TYPES = [
  "table",
  "bar",
  "line",
  "area",
  "pie",
  "scatter",
  "heatmap",
  "map",
  "kpi",
] as const;
/** How deep presentation options may nest (they are chart settings, not data). */
export const MAX_OPTIONS_DEPTH = 8;

/** Nesting depth of a JSON value, walked without recursion so hostile input cannot overflow the stack. */
export function jsonDepth(value: unknown, stopAt = Infinity): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== "object") continue;
    max = Math.max(max, d + 1);
    if (max > stopAt) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** Chart type and its settings (colours, stacking, axis labels …), kept as the builder sent them. */
export const presentationSchema = z.strictObject({
  chart: z.enum(CHART_TYPES, { error: `must be one of ${CHART_TYPES.join(", ")}` }),
  options: z
    .record(z.string(), z.unknown(), { error: "expected an object" })
    .refine((o) => jsonDepth(o, MAX_OPTIONS_DEPTH) <= MAX_OPTIONS_DEPTH, {
      message: `must not nest deeper than ${MAX_OPTIONS_DEPTH} levels`,
    })
    .optional(),
});

/** Body of `POST /reports` and `PUT /reports/:id`: what a person defines. */
export const reportBody = z.strictObject({
  name: z
    .string({ error: "expected a string" })
    .trim()
    .min(1, "must not be empty")
    .max(100, "must be at most 100 characters"),
  description: z
    .string({ error: "expected a string" })
    .max(2000, "must be at most 2000 characters")
    .optional(),
  spec: querySpecSchema,
  presentation: presentationSchema,
});
/** A report definition as sent by a client. */
export type ReportBody = z.output<typeof reportBody>;

/** A saved report: the definition plus who owns it and when it changed. */
export const reportSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  spec: querySpecSchema,
  presentation: z.object({
    chart: z.enum(CHART_TYPES),
    options: z.record(z.string(), z.unknown()),
  }),
  owner: z.string().describe("who created it: user:<name> (anonymous when the API runs without auth)"),
  createdAt: z.string().describe("ISO-8601 UTC"),
  updatedAt: z.string().describe("ISO-8601 UTC"),
  version: z.number().int().min(1).describe('bumped on every change; the ETag is "v<version>"'),
});
/** A saved report. */
export type Report = z.output<typeof reportSchema>;

/** `GET /reports` answer. */
export const reportListSchema = z.object({ reports: z.array(reportSchema) });
