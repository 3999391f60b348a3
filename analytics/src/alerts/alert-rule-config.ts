import { SEVERITIES } from "@citybrain/datasets";
import { z } from "zod";
import { SEVERITY_RANK } from "./alert-row.ts";

const SOURCES = [
  "energy",
  "traffic",
  "septic",
  "air",
  "cases",
  "credit",
  "exchange",
  "vision",
  "system",
] as const;
const ruleId = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, {
  error: 'expected a dotted lower-case id such as "septic.ch4"',
});
const severity = z.enum(SEVERITIES);

/** One level of a threshold rule: reaching `value` raises (or escalates to) `severity`. */
const thresholdLevel = z.object({
  severity,
  value: z.number(),
  /** Band name shown instead of the alarm level, e.g. 中度污染 for AQI. */
  label: z.string().min(1).optional(),
});

/** A measured value crossing one or more thresholds, with hysteresis. */
export const thresholdRuleSchema = z
  .object({
    kind: z.literal("threshold"),
    id: ruleId,
    source: z.enum(SOURCES),
    /** Field of the reading's values, e.g. `ch4_lel`. */
    field: z.string().min(1),
    /** What the field is called in messages, e.g. 甲烷浓度. */
    label: z.string().min(1),
    unit: z.string().default(""),
    /** `>=`: reaching the value raises; `>`: exceeding it does (AQI bands start at 101). */
    op: z.enum([">=", ">"]).default(">="),
    levels: z.array(thresholdLevel).min(1, { error: "expected at least one level" }),
    /** Clear at once when the value falls below the lowest threshold minus this margin. */
    margin: z.number().nonnegative(),
    /** …or after this many consecutive readings below the lowest threshold. */
    clearAfter: z.number().int().positive(),
    /** Decimals of the value in messages. */
    decimals: z.number().int().min(0).max(6).default(1),
  })
  .superRefine((rule, ctx) => {
    rule.levels.forEach((level, i) => {
      const prev = rule.levels[i - 1];
      if (!prev) return;
      if (level.value <= prev.value)
        ctx.addIssue({
          code: "custom",
          path: ["levels", i, "value"],
          message: `expected thresholds in rising order, got ${level.value} after ${prev.value}`,
        });
      if (SEVERITY_RANK[level.severity] < SEVERITY_RANK[prev.severity])
        ctx.addIssue({
          code: "custom",
          path: ["levels", i, "severity"],
          message: `expected severities that never fall as thresholds rise, got ${level.severity} after ${prev.severity}`,
        });
    });
  });

/** A site that stopped reporting for `afterMinutes`. */
export const offlineRuleSchema = z.object({
  kind: z.literal("offline"),
  id: ruleId,
  source: z.enum(SOURCES),
  afterMinutes: z.number().positive(),
  severity,
});

/** Episodes from the anomaly detector, graded by their robust score. */
export const anomalyRuleSchema = z
  .object({
    kind: z.literal("anomaly"),
    id: ruleId,
    source: z.enum(SOURCES),
    /** Detector kinds this rule turns into alerts, e.g. `meter_leak`, `consumption_anomaly`. */
    anomalyKinds: z.array(z.string().min(1)).min(1, { error: "expected at least one anomaly kind" }),
    /** Score levels in rising order; an episode below the first level raises nothing. */
    levels: z.array(z.object({ severity, score: z.number().nonnegative() })).min(1),
  })
  .superRefine((rule, ctx) => {
    rule.levels.forEach((level, i) => {
      const prev = rule.levels[i - 1];
      if (prev && level.score <= prev.score)
        ctx.addIssue({
          code: "custom",
          path: ["levels", i, "score"],
          message: `expected scores in rising order, got ${level.score} after ${prev.score}`,
        });
    });
  });

/** Any alert rule. */
export const alertRuleSchema = z.discriminatedUnion("kind", [
  thresholdRuleSchema,
  offlineRuleSchema,
  anomalyRuleSchema,
]);

/** The rule set of an alert engine; rule ids are unique. */
export const alertRulesSchema = z.object({ rules: z.array(alertRuleSchema) }).superRefine((cfg, ctx) => {
  const seen = new Set<string>();
  cfg.rules.forEach((r, i) => {
    if (seen.has(r.id))
      ctx.addIssue({ code: "custom", path: ["rules", i, "id"], message: `duplicate rule id "${r.id}"` });
    seen.add(r.id);
  });
});

export type ThresholdRule = z.infer<typeof thresholdRuleSchema>;
export type OfflineRule = z.infer<typeof offlineRuleSchema>;
export type AnomalyRule = z.infer<typeof anomalyRuleSchema>;
export type AlertRule = z.infer<typeof alertRuleSchema>;
export type AlertRules = z.infer<typeof alertRulesSchema>;
/** A rule set as written by a person (defaults not yet applied). */
export type AlertRulesInput = z.input<typeof alertRulesSchema>;
