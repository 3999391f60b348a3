import { z } from "zod";
import { STREAMS, type FieldDef, type StreamName } from "@citybrain/datasets";
import { READ_ROLES, TOKEN_KINDS, USER_ROLES } from "../auth/roles.ts";

/** The one error body of the API (see `errors.ts`). */
export const errorSchema = z.object({
  error: z.object({
    code: z.string().describe("machine-readable, e.g. bad_parameter, unknown_alert"),
    message: z.string().describe("for people: what was wrong, where, and what to do"),
    details: z.record(z.string(), z.unknown()).optional().describe("names the parameter, field or header"),
  }),
});

const parquet = z.object({ file: z.string(), bytes: z.number().int() }).describe("ZSTD Parquet sibling");
const file = {
  file: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
  sha256: z.string(),
  encodings: z
    .record(z.string(), z.number().int())
    .describe(
      "sizes of the precompressed siblings (zstd, br, gzip) written so far: they are added after the Arrow file is published",
    ),
  timeRange: z.tuple([z.string(), z.string()]).nullable(),
  parquet: parquet.optional(),
};
const entry = z.object({
  name: z.string(),
  title: z.object({ zh: z.string(), en: z.string() }),
  format: z.literal("arrow-ipc-stream"),
  ...file,
  fields: z.array(z.object({ name: z.string(), type: z.string() })),
  role: z.enum(["first-paint", "drill-down"]).optional(),
  streams: z.array(z.string()).optional(),
  definition: z.string().optional(),
  partitionBy: z.literal("month").optional(),
  parts: z
    .array(
      z.object({
        month: z.string().describe("YYYY-MM, Asia/Shanghai"),
        day: z
          .string()
          .optional()
          .describe(
            "YYYY-MM-DD: one day of a day-local extract's current month (kept a part per day until the month ends); a month's rows are those of every part with its `month`",
          ),
        ...file,
      }),
    )
    .optional()
    .describe(
      "every part of a partitioned extract, oldest first (by day, else month); the top-level file is the newest",
    ),
  url: z.string().describe("/api/extracts/<name>?v=<version>"),
});
/** `GET /manifest`. */
export const manifestSchema = z.object({
  version: z.number().int(),
  generatedAt: z.string(),
  through: z
    .record(z.string(), z.string())
    .optional()
    .describe(
      "per stream, the newest time its rows reach at this version (ISO-8601 UTC): the day or hour after it is not complete yet",
    ),
  dir: z.string(),
  extracts: z.array(entry),
});

/** `GET /health`. */
export const healthSchema = z.object({
  live: z.boolean(),
  ready: z.boolean(),
  components: z.record(z.string(), z.object({ ok: z.boolean(), detail: z.string().optional() })),
});

const rowError = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
/** `POST /ingest/:stream` answer. */
export const ingestResultSchema = z.object({
  stream: z.string(),
  batchId: z.string(),
  replayed: z.boolean().describe("true when this batch id was ingested before: nothing was written"),
  accepted: z.number().int(),
  rejected: z.number().int(),
  policy: z.enum(["reject", "quarantine"]),
  errors: z.array(rowError).describe("the first 100 row errors"),
  totalErrors: z.number().int(),
  timeRange: z.tuple([z.number(), z.number()]).nullable().describe("epoch ms of the accepted rows"),
});

/** `POST /query` answer. */
export const queryResultSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.unknown())),
  truncated: z.boolean().describe("more rows matched than the server's row limit"),
  elapsedMs: z.number(),
});

/** `GET /reports/:id/data` answer: the report's rows as `/query` answers them, and which version ran. */
export const reportDataSchema = queryResultSchema.extend({
  report: z.object({ id: z.string(), name: z.string(), version: z.number().int() }),
});

/** A person's account as the API shows it. */
export const userSchema = z.object({
  name: z.string(),
  role: z.enum(USER_ROLES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A machine token as the API shows it: never the secret. */
export const tokenInfoSchema = z.object({
  id: z.string(),
  kind: z.enum(TOKEN_KINDS),
  label: z.string(),
  streams: z.array(z.string()),
  createdAt: z.string(),
  createdBy: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
/** A new session: the cookie is set; the CSRF token goes to the page's script. */
export const sessionSchema = z.object({ user: userSchema, csrfToken: z.string(), expiresAt: z.string() });
/** Who the credential belongs to (`GET /auth/me`). */
export const principalSchema = z.object({
  principal: z.object({
    kind: z.enum(["user", "token"]),
    role: z.enum([...READ_ROLES, "ingest"]),
    name: z.string().optional(),
    tokenId: z.string().optional(),
    label: z.string().optional(),
    streams: z.array(z.string()).optional(),
    via: z.enum(["session", "bearer", "query"]),
    csrfToken: z.string().optional(),
  }),
});

function numberSchema(f: FieldDef): z.ZodType {
  let n = f.kind === "int" ? z.number().int() : z.number();
  if (f.min !== undefined) n = n.min(f.min);
  if (f.max !== undefined) n = n.max(f.max);
  return n.describe(f.unit ? `${f.doc} (${f.unit})` : f.doc);
}

function fieldSchema(f: FieldDef): z.ZodType {
  const base =
    f.kind === "timestamp"
      ? z
          .union([z.string(), z.number()])
          .describe(`${f.doc}; ISO-8601 (no offset = Asia/Shanghai) or epoch ms`)
      : f.kind === "enum"
        ? z.enum(f.values as [string, ...string[]]).describe(f.doc)
        : f.kind === "int" || f.kind === "float"
          ? numberSchema(f)
          : f.kind === "bool"
            ? z.boolean().describe(f.doc)
            : z.string().describe(f.doc);
  return f.nullable ? base.nullable().optional() : base;
}

/** One row of each stream, derived from the stream's one definition in `@citybrain/datasets`. */
export const STREAM_ROW_SCHEMAS: readonly (readonly [StreamName, z.ZodObject])[] = (
  Object.keys(STREAMS) as StreamName[]
).map((name) => {
  const fields = STREAMS[name].fields as unknown as Record<string, FieldDef>;
  return [name, z.object(Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, fieldSchema(f)])))];
});
