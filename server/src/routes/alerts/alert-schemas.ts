import { z } from "zod";
import type { AlertRow, AlertSource, AlertStatus } from "@citybrain/analytics";
import { SEVERITIES, alerts, parseTime, type Severity } from "@citybrain/datasets";

// The enum values come from the alerts stream's one definition (house rule 8).
const SOURCES = alerts.fields.source.values as readonly [AlertSource, ...AlertSource[]];
const STATUSES = alerts.fields.status.values as readonly [AlertStatus, ...AlertStatus[]];
const LEVELS = SEVERITIES as readonly [Severity, ...Severity[]];

/** Most alerts one page may hold. */
export const MAX_ALERT_PAGE = 1000;
/** Longest note a person may attach to an ack or close. */
export const MAX_NOTE_LENGTH = 1000;

/** One alert as the API answers it (times as ISO-8601 UTC). */
export const alertSchema = z.object({
  alert_id: z.string(),
  ts: z.string().describe("when the condition began (ISO-8601 UTC)"),
  source: z.enum(SOURCES),
  rule: z.string(),
  severity: z.enum(LEVELS),
  site_id: z.string().nullable(),
  town_code: z.string().nullable(),
  lon: z.number().nullable().describe("longitude (GCJ-02)"),
  lat: z.number().nullable().describe("latitude (GCJ-02)"),
  message: z.string(),
  evidence: z.string().nullable(),
  status: z.enum(STATUSES),
  updated_at: z.string().describe("last state change (ISO-8601 UTC)"),
  actor: z.string().nullable().describe("who acknowledged or closed it"),
});
/** One alert as the API answers it. */
export type AlertJson = z.output<typeof alertSchema>;

/** `GET /alerts` answer. */
export const alertPageSchema = z.object({
  alerts: z.array(alertSchema),
  total: z.number().int().describe("alerts matching the filters, over all pages"),
  limit: z.number().int(),
  offset: z.number().int(),
});

function listOf<T extends string>(values: readonly [T, ...T[]]) {
  const want = `one or more of ${values.join(", ")} (comma-separated)`;
  return z
    .string()
    .describe(want)
    .transform((text, ctx) => {
      const parts = text.split(",").map((p) => p.trim());
      const bad = parts.find((p) => !(values as readonly string[]).includes(p));
      if (bad !== undefined) {
        ctx.addIssue({ code: "custom", message: `expected ${want}, got ${JSON.stringify(bad)}` });
        return z.NEVER;
      }
      return parts as T[];
    });
}

/** Comma-separated ids, each matching `pattern`; `message` words the first that does not. */
function idList(description: string, pattern: RegExp, message: (bad: string) => string) {
  return z
    .string()
    .describe(description)
    .transform((text, ctx) => {
      const parts = text.split(",").map((p) => p.trim());
      const bad = parts.find((p) => !pattern.test(p));
      if (bad !== undefined) {
        ctx.addIssue({ code: "custom", message: message(bad) });
        return z.NEVER;
      }
      return parts;
    });
}

const codes = idList(
  "one or more town/street codes (comma-separated)",
  /^\w{1,32}$/,
  (bad) => `expected town codes like 500152001, got ${JSON.stringify(bad)}`,
);

/** Comma-separated ids (rule ids like `vision.plate_read`, site ids like `CAM-00822`). */
function ids(what: string, example: string) {
  return idList(
    `one or more ${what} (comma-separated), e.g. ${example}`,
    /^[\w.:-]{1,64}$/,
    (bad) => `expected ${what} like ${example}, got ${JSON.stringify(bad)}`,
  );
}

/** Longest `q` accepted. */
export const MAX_SEARCH_LENGTH = 100;

const time = z
  .string()
  .describe("ISO-8601 time; without an offset it is read as Asia/Shanghai")
  .transform((text, ctx) => {
    const ms = parseTime(text);
    if (ms === undefined) {
      ctx.addIssue({ code: "custom", message: `expected an ISO-8601 time, got ${JSON.stringify(text)}` });
      return z.NEVER;
    }
    return ms;
  });

function integer(min: number, max: number, fallback: number) {
  return z
    .string()
    .describe(`integer ${min}–${max}, default ${fallback}`)
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return fallback;
      const n = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
      if (!(n >= min && n <= max)) {
        ctx.addIssue({
          code: "custom",
          message: `expected an integer ${min}–${max}, got ${JSON.stringify(text)}`,
        });
        return z.NEVER;
      }
      return n;
    });
}

/** Query parameters of `GET /alerts` (as strings; lists comma-separated or repeated). */
export const alertListQuery = z
  .strictObject({
    status: listOf(STATUSES).optional(),
    severity: listOf(LEVELS).optional(),
    source: listOf(SOURCES).optional(),
    town_code: codes.optional(),
    rule: ids("rule ids", "vision.plate_read").optional(),
    site_id: ids("site ids", "CAM-00822").optional(),
    q: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(MAX_SEARCH_LENGTH, `must be at most ${MAX_SEARCH_LENGTH} characters`)
      .optional()
      .describe(
        "text the message, site or alert id contains (case, spaces and the plate dot · ignored), e.g. a plate 渝AD1234",
      ),
    since: time.optional().describe("alerts whose condition began at or after this time"),
    until: time.optional().describe("alerts whose condition began before this time"),
    limit: integer(1, MAX_ALERT_PAGE, 100),
    offset: integer(0, 1_000_000, 0),
  })
  .refine((q) => q.since === undefined || q.until === undefined || q.since < q.until, {
    message: "since must be before until",
    path: ["since"],
  });
/** Parsed filters of `GET /alerts`. */
export type AlertListQuery = z.output<typeof alertListQuery>;

/** Body of `POST /alerts/:id/ack` and `/close` (may be empty). */
export const alertActionBody = z.strictObject({
  note: z
    .string({ error: "expected a string" })
    .max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH} characters`)
    .optional()
    .describe("why, in a few words (kept in the audit log)"),
});

/** A stored alert row as the API answers it. */
export function alertToJson(row: AlertRow): AlertJson {
  return {
    alert_id: row.alert_id,
    ts: new Date(row.ts).toISOString(),
    source: row.source,
    rule: row.rule,
    severity: row.severity,
    site_id: row.site_id,
    town_code: row.town_code,
    lon: row.lon,
    lat: row.lat,
    message: row.message,
    evidence: row.evidence,
    status: row.status,
    updated_at: new Date(row.updated_at).toISOString(),
    actor: row.actor,
  };
}
