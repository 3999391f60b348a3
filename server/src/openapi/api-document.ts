import type { z } from "zod";
import { querySpecSchema } from "@citybrain/analytics/browser";
import { alertActionBody, alertPageSchema, alertSchema } from "../routes/alerts/index.ts";
import { cameraHealthSchema, cameraListSchema, pushFrameResultSchema } from "../routes/cameras/index.ts";
import { loginBody, newTokenBody, newUserBody, passwordBody, setupBody } from "../routes/auth/schemas.ts";
import { reportBody, reportListSchema, reportSchema } from "../routes/reports/index.ts";
import { AUTH_ROUTE_DOCS } from "./auth-route-docs.ts";
import { buildOpenApi } from "./build-openapi.ts";
import type { OpenApiDocument } from "./openapi-types.ts";
import {
  STREAM_ROW_SCHEMAS,
  errorSchema,
  healthSchema,
  ingestResultSchema,
  manifestSchema,
  principalSchema,
  queryResultSchema,
  reportDataSchema,
  sessionSchema,
  tokenInfoSchema,
  userSchema,
} from "./common-schemas.ts";
import { DATA_ROUTE_DOCS, EVENT_SCHEMAS } from "./data-route-docs.ts";
import { FEATURE_ROUTE_DOCS } from "./feature-route-docs.ts";
import { TAGS, type RouteDoc } from "./route-doc.ts";

/** Every route of the API under `/api`, in the order the docs list them. */
export const API_ROUTE_DOCS: readonly RouteDoc[] = [
  ...DATA_ROUTE_DOCS,
  ...FEATURE_ROUTE_DOCS,
  ...AUTH_ROUTE_DOCS,
];

const upper = (s: string) => s.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());

/** Schemas with names of their own in `components.schemas`. */
const NAMED: readonly (readonly [z.ZodType, string])[] = [
  [errorSchema, "Error"],
  [manifestSchema, "Manifest"],
  [healthSchema, "Health"],
  [ingestResultSchema, "IngestResult"],
  [querySpecSchema, "QuerySpec"],
  [queryResultSchema, "QueryResult"],
  [alertSchema, "Alert"],
  [alertPageSchema, "AlertPage"],
  [alertActionBody, "AlertAction"],
  [reportBody, "ReportDefinition"],
  [reportSchema, "Report"],
  [reportListSchema, "ReportList"],
  [reportDataSchema, "ReportData"],
  [cameraHealthSchema, "CameraHealth"],
  [cameraListSchema, "CameraList"],
  [pushFrameResultSchema, "PushedFrame"],
  [loginBody, "Login"],
  [setupBody, "Setup"],
  [newUserBody, "NewUser"],
  [passwordBody, "NewPassword"],
  [newTokenBody, "NewToken"],
  [userSchema, "User"],
  [tokenInfoSchema, "TokenInfo"],
  [sessionSchema, "Session"],
  [principalSchema, "Principal"],
  ...STREAM_ROW_SCHEMAS.map(([name, schema]) => [schema, `${upper(name)}Row`] as const),
  ...Object.entries(EVENT_SCHEMAS).map(([type, schema]) => [schema, `Event${upper(type)}`] as const),
];

const DESCRIPTION = [
  "The HTTP API of the Tongnan District city brain (潼南区城市大脑): extracts for the big screen,",
  "ingest for data sources, pushed camera frames, server-side queries, live events, alerts, saved",
  "reports and auth.",
  "",
  "Every error answers `{ error: { code, message, details? } }`. When the server runs with auth,",
  "each operation's `x-required-role` says who may call it: reads follow admin ⊇ analyst ⊇ viewer ⊇",
  "display; `ingest` tokens may only post to their own streams (one scoped to `traffic` may also",
  "push camera frames); `public` needs no credential.",
  "See docs/security.md.",
].join("\n");

let cached: OpenApiDocument | undefined;

/**
 * The API's OpenAPI 3.1 document, built once from {@link API_ROUTE_DOCS}.
 * @example
 * const doc = apiDocument();
 * doc.paths["/alerts/{id}"]?.get?.summary; // "One alert"
 */
export function apiDocument(): OpenApiDocument {
  cached ??= buildOpenApi({
    title: "Tongnan city brain API",
    version: "0.1.0",
    description: DESCRIPTION,
    tags: TAGS,
    routes: API_ROUTE_DOCS,
    named: NAMED,
  });
  return cached;
}
