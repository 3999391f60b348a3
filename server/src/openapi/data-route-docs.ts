import { z } from "zod";
import { MEDIA_TYPES } from "@citybrain/analytics";
import { querySpecSchema } from "@citybrain/analytics/browser";
import { STREAM_NAMES } from "@citybrain/datasets";
import { alertSchema } from "../routes/alerts/index.ts";
import {
  errorSchema,
  healthSchema,
  ingestResultSchema,
  manifestSchema,
  queryResultSchema,
} from "./common-schemas.ts";
import type { RouteDoc } from "./route-doc.ts";

const err = (description: string) => ({ description, schema: errorSchema });

/** Data of each server-sent event type (`event:` line), documented with the events route. */
export const EVENT_SCHEMAS = {
  hello: z.object({ resumedFrom: z.number().nullable() }),
  heartbeat: z.object({ at: z.string() }),
  alert: alertSchema.extend({
    change: z.enum(["new", "escalated", "acknowledged", "cleared"]).describe("how the alert changed"),
  }),
  "extracts-updated": z.object({ version: z.number().int(), generatedAt: z.string() }),
  kpi: z.record(z.string(), z.unknown()).describe("KPI tick of the live simulation"),
} as const;

const extractName = z.string().describe("extract name from the manifest");
const month = z
  .string()
  .describe(
    "part key: Asia/Shanghai month YYYY-MM, or YYYY-MM-DD for a day of a day-local extract's current month",
  );

/** The doc of a route serving one extract file: a monthly part and/or its Parquet sibling. */
function extractFileDoc(o: {
  path: string;
  summary: string;
  description?: string;
  parquet: boolean;
  notFound: string;
}): RouteDoc {
  const contentType = o.parquet ? "application/vnd.apache.parquet" : "application/vnd.apache.arrow.stream";
  return {
    method: "get",
    path: o.path,
    tag: "extracts",
    summary: o.summary,
    ...(o.description ? { description: o.description } : {}),
    role: "display",
    params: o.path.includes(":month")
      ? z.object({ name: extractName, month })
      : z.object({ name: extractName }),
    query: z.object({ v: z.string().optional().describe("manifest version the URL pins") }),
    responses: {
      200: { description: o.parquet ? "the Parquet file" : "the month's rows", contentType },
      206: { description: "the requested byte range", contentType },
      304: { description: "unchanged since the ETag you sent" },
      404: err(o.notFound),
      416: err("range outside the file"),
      503: err("the file is missing or corrupt; see Retry-After"),
    },
  };
}

/** Manifest, extracts, reference data, health, ingest, query and events. */
export const DATA_ROUTE_DOCS: readonly RouteDoc[] = [
  {
    method: "get",
    path: "/manifest",
    tag: "extracts",
    summary: "Current extract manifest",
    description:
      'Each extract with its URL `/api/extracts/<name>?v=<version>`. ETag `"m<version>"` (304 on match). ' +
      "While `manifest.json` is broken the last good manifest keeps serving, marked `X-Extracts-Stale`.",
    role: "display",
    responses: {
      200: { description: "the manifest", schema: manifestSchema },
      304: { description: "unchanged since the ETag you sent" },
      503: err("no extracts published yet (`not_ready`) or the manifest is unreadable; see Retry-After"),
    },
  },
  {
    method: "get",
    path: "/extracts/:name",
    tag: "extracts",
    summary: "One extract as an Arrow IPC stream",
    description:
      "Precompressed br/gzip per Accept-Encoding, ETag/304, single byte ranges (206/416); " +
      "`?v=<current version>` is cached as immutable.",
    role: "display",
    params: z.object({ name: z.string().describe("extract name from the manifest") }),
    query: z.object({ v: z.string().optional().describe("manifest version the URL pins") }),
    responses: {
      200: { description: "the extract", contentType: "application/vnd.apache.arrow.stream" },
      206: { description: "the requested byte range", contentType: "application/vnd.apache.arrow.stream" },
      304: { description: "unchanged since the ETag you sent" },
      404: err("no extract of that name"),
      416: err("range outside the file"),
      503: err("the extract file is missing or corrupt (size or sha256); see Retry-After"),
    },
  },
  extractFileDoc({
    path: "/extracts/:name/parquet",
    summary: "One extract as Parquet (ZSTD), for analysts' own tools",
    description:
      "The newest month for extracts split by month. ETag/304, byte ranges; sent as an attachment.",
    parquet: true,
    notFound: "no extract of that name, or it was published without Parquet",
  }),
  extractFileDoc({
    path: "/extracts/:name/parts/:month",
    summary: "One month of an extract split by month, as an Arrow IPC stream",
    description:
      "Listed in the manifest entry's `parts` with its URL. Same caching, encodings and ranges as a whole extract.",
    parquet: false,
    notFound: "no extract of that name, or no such month",
  }),
  extractFileDoc({
    path: "/extracts/:name/parts/:month/parquet",
    summary: "One month of an extract split by month, as Parquet",
    parquet: true,
    notFound: "no extract, month, or Parquet file",
  }),
  {
    method: "get",
    path: "/reference/:file",
    tag: "reference",
    summary: "District outline or town cells as GeoJSON",
    role: "display",
    params: z.object({ file: z.enum(["outline.geojson", "towns.geojson"]) }),
    responses: {
      200: { description: "GeoJSON (GCJ-02)", contentType: "application/geo+json" },
      404: err("no reference file of that name"),
    },
  },
  {
    method: "get",
    path: "/health",
    tag: "operations",
    summary: "Liveness and readiness",
    role: "public",
    responses: {
      200: { description: "every component ready", schema: healthSchema },
      503: { description: "some component not ready", schema: healthSchema },
    },
  },
  {
    method: "post",
    path: "/ingest/:stream",
    tag: "ingest",
    summary: "Post rows of a stream",
    description:
      "NDJSON, CSV, Arrow IPC or Parquet; each row validated against the stream's schema (see the " +
      "`<stream>Row` schemas). A bad row rejects the whole batch (422) unless `?onBadRows=quarantine`. " +
      "Idempotent by the batch id in `X-Batch-Id` (or `Idempotency-Key`): a replay writes nothing.",
    role: "ingest",
    params: z.object({ stream: z.enum(STREAM_NAMES as [string, ...string[]]) }),
    query: z.object({
      onBadRows: z.enum(["reject", "quarantine"]).optional(),
      format: z.enum(["ndjson", "csv", "arrow", "parquet"]).optional().describe("overrides Content-Type"),
    }),
    body: {
      schema: z.string().describe("rows of the stream in the body's format"),
      contentTypes: Object.keys(MEDIA_TYPES),
    },
    responses: {
      200: { description: "committed (or replayed)", schema: ingestResultSchema },
      400: err("no batch id, a bad parameter, or a body that cannot be decoded"),
      404: err("no such stream"),
      413: err("body too large"),
      415: err("unsupported Content-Type"),
      422: err("a row failed validation; details.errors names row and field"),
      429: err("rate limited; see Retry-After"),
    },
  },
  {
    method: "post",
    path: "/query",
    tag: "query",
    summary: "Run a query spec on the server",
    description:
      "The same spec the screen's panels use; row limit, timeout and cancellation apply. " +
      "`?format=csv` answers `text/csv` instead (UTF-8 with a byte order mark for Excel, CRLF, formula-like text " +
      "defused, `Content-Disposition: attachment`, `X-Truncated` when the row limit cut it).",
    role: "viewer",
    query: z.object({ format: z.enum(["json", "csv"]).optional().describe("json (default) or csv") }),
    body: { schema: querySpecSchema },
    responses: {
      200: { description: "the rows", schema: queryResultSchema },
      400: err(
        "a spec that is invalid, names an unknown source or field, or has values its columns cannot take",
      ),
      408: err("the client went away"),
      504: err("the query ran past the timeout"),
    },
  },
  {
    method: "get",
    path: "/events",
    tag: "events",
    summary: "Server-sent events",
    description:
      "Event types: `hello`, `heartbeat`, `alert`, `extracts-updated`, `kpi` (data schemas `Event…`). " +
      "Resume with `Last-Event-ID` (or `?lastEventId=`).",
    role: "display",
    query: z.object({ lastEventId: z.string().optional().describe("resume after this event id") }),
    responses: { 200: { description: "an endless event stream", contentType: "text/event-stream" } },
  },
];
