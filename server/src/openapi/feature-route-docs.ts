import { z } from "zod";
import { alertActionBody, alertListQuery, alertPageSchema, alertSchema } from "../routes/alerts/index.ts";
import { cameraListSchema, pushFrameQuery, pushFrameResultSchema } from "../routes/cameras/index.ts";
import { reportBody, reportListSchema, reportSchema } from "../routes/reports/index.ts";
import { errorSchema, reportDataSchema } from "./common-schemas.ts";
import type { RouteDoc } from "./route-doc.ts";

const err = (description: string) => ({ description, schema: errorSchema });
const alertId = z.object({ id: z.string().describe("alert id, e.g. septic.ch4:SEP-012:20260301T020500Z") });
const reportId = z.object({ id: z.string().describe("report id (UUID)") });
const cameraId = z.object({ id: z.string().describe("camera id, e.g. CAM-00822") });
const visionOff = { 503: err("the server runs without vision (`vision_disabled`)") };

function alertChange(action: "ack" | "close"): RouteDoc {
  return {
    method: "post",
    path: `/alerts/:id/${action}`,
    tag: "alerts",
    summary: action === "ack" ? "Acknowledge an alert" : "Close an alert",
    description:
      "Checked against the alert workflow (open → ack → closed; open → closed), written as a new row " +
      "of the alerts stream with actor and updated_at, audited, and published as an `alert` event.",
    role: "analyst",
    params: alertId,
    body: { schema: alertActionBody, required: false, description: "may be empty" },
    responses: {
      200: { description: "the alert's new state", schema: alertSchema },
      400: err("a bad body or id"),
      404: err("no alert with that id"),
      409: err("the transition is not allowed (e.g. it was closed already)"),
      413: err("body too large"),
      415: err("body is not application/json"),
    },
  };
}

const definitionErrors = {
  400: err("a field is invalid; details.field names it (`spec.measures.0.agg`)"),
  413: err("body too large"),
  415: err("body is not application/json"),
};

/** Alerts, reports, metrics and these docs. */
export const FEATURE_ROUTE_DOCS: readonly RouteDoc[] = [
  {
    method: "get",
    path: "/alerts",
    tag: "alerts",
    summary: "List alerts, newest first",
    role: "display",
    query: alertListQuery,
    responses: {
      200: { description: "one page", schema: alertPageSchema },
      400: err("a bad query parameter"),
    },
  },
  {
    method: "get",
    path: "/alerts/:id",
    tag: "alerts",
    summary: "One alert",
    role: "display",
    params: alertId,
    responses: { 200: { description: "the alert", schema: alertSchema }, 404: err("no alert with that id") },
  },
  alertChange("ack"),
  alertChange("close"),
  {
    method: "get",
    path: "/reports",
    tag: "reports",
    summary: "List saved reports, most recently changed first",
    role: "viewer",
    responses: { 200: { description: "every report", schema: reportListSchema } },
  },
  {
    method: "post",
    path: "/reports",
    tag: "reports",
    summary: "Save a new report (owned by the caller)",
    role: "analyst",
    body: { schema: reportBody },
    responses: {
      201: { description: "saved; Location names it", schema: reportSchema },
      ...definitionErrors,
      409: err("too many reports"),
    },
  },
  {
    method: "get",
    path: "/reports/:id",
    tag: "reports",
    summary: 'One report (ETag `"v<version>"`)',
    role: "viewer",
    params: reportId,
    responses: {
      200: { description: "the report", schema: reportSchema },
      304: { description: "unchanged since the ETag you sent" },
      404: err("no report with that id"),
    },
  },
  {
    method: "get",
    path: "/reports/:id/data",
    tag: "reports",
    summary: "Run a saved report's spec: its rows, or a CSV download named after it",
    description:
      "The report's current version runs like `POST /query` (row limit, timeout, cancellation). " +
      "`?format=csv` answers `text/csv` (UTF-8 with a byte order mark for Excel, the report's name as the file name).",
    role: "viewer",
    params: reportId,
    query: z.object({ format: z.enum(["json", "csv"]).optional().describe("json (default) or csv") }),
    responses: {
      200: { description: "the rows", schema: reportDataSchema },
      400: err("a format other than json or csv, or a saved spec the data no longer fits"),
      404: err("no report with that id"),
      408: err("the client went away"),
      504: err("the query ran past the timeout"),
    },
  },
  {
    method: "put",
    path: "/reports/:id",
    tag: "reports",
    summary: "Replace a report's definition (owner or admin; If-Match honoured)",
    role: "analyst",
    params: reportId,
    body: { schema: reportBody },
    responses: {
      200: { description: "the new version", schema: reportSchema },
      ...definitionErrors,
      403: err("not the owner, nor an admin"),
      404: err("no report with that id"),
      412: err("If-Match names an older version"),
    },
  },
  {
    method: "delete",
    path: "/reports/:id",
    tag: "reports",
    summary: "Delete a report (owner or admin)",
    role: "analyst",
    params: reportId,
    responses: {
      204: { description: "deleted" },
      403: err("not the owner, nor an admin"),
      404: err("no report with that id"),
    },
  },
  {
    method: "get",
    path: "/metrics",
    tag: "operations",
    summary: "Prometheus metrics (text format 0.0.4)",
    description:
      "HTTP requests by route and status with a duration histogram; ingest rows and batches by stream and outcome; " +
      "SSE clients; extract version; process memory and uptime; and per real-video camera: " +
      "`citybrain_camera_online`, `citybrain_camera_frames_total{outcome=received|processed|dropped|failed}`, " +
      "`citybrain_camera_fps`, `citybrain_camera_process_seconds`, `citybrain_camera_last_frame_age_seconds`, " +
      "`citybrain_camera_restarts_total`.",
    role: "display",
    responses: { 200: { description: "metrics", contentType: "text/plain; version=0.0.4" } },
  },
  {
    method: "get",
    path: "/openapi.json",
    tag: "operations",
    summary: "This API as an OpenAPI 3.1 document",
    role: "public",
    responses: { 200: { description: "the document", contentType: "application/json" } },
  },
  {
    method: "get",
    path: "/docs",
    tag: "operations",
    summary: "This API as a readable page (offline, no scripts)",
    role: "public",
    responses: { 200: { description: "HTML", contentType: "text/html" } },
  },
  {
    method: "get",
    path: "/cameras",
    tag: "cameras",
    summary: "Real-video cameras and their health",
    description:
      "State (starting/online/offline/ended), why a camera is not online, last frame time, fps, and " +
      "frames received, processed, dropped (replaced before the detector took them) and failed.",
    role: "display",
    responses: { 200: { description: "the cameras", schema: cameraListSchema }, ...visionOff },
  },
  {
    method: "get",
    path: "/cameras/:id/snapshot.jpg",
    tag: "cameras",
    summary: "A camera's latest frame with boxes, track ids, zones and lines drawn",
    role: "display",
    params: cameraId,
    responses: {
      200: { description: "JPEG", contentType: "image/jpeg" },
      404: err("no real-video camera with that id"),
      503: err("the camera has no frame yet (see Retry-After), or the server runs without vision"),
    },
  },
  {
    method: "get",
    path: "/vision-evidence/:name",
    tag: "cameras",
    summary: "An alert's evidence snapshot: the path its `evidence` field names under /api",
    description:
      "The frame of a vision event with every box and track id, the zones and lines, the subject in red " +
      "and the message as caption (JPEG). Kept while retention allows (most files, oldest age).",
    role: "display",
    params: z.object({
      name: z.string().describe("file name, e.g. VIS-CAM-00822-CROWD-plaza-20261126T060030Z.jpg"),
    }),
    responses: {
      200: { description: "JPEG", contentType: "image/jpeg" },
      404: err("no such snapshot (never made, or removed by retention)"),
      ...visionOff,
    },
  },
  {
    method: "post",
    path: "/cameras/:id/frames",
    tag: "cameras",
    summary: "Push one frame of a camera whose source is `push` (a camera, an NVR, a script)",
    description:
      "The raw JPEG or PNG as the body. Capture time from `?ts=` or the `X-Frame-Time` header " +
      "(ISO-8601 with a zone; default now; at most 60 s ahead of the server clock; not before the " +
      "camera's previous frame). The header is checked (sharp metadata: JPEG/PNG, at most 8K pixels), " +
      "then the frame goes to the camera's keep-latest mailbox: `replaced` says it displaced a frame " +
      "still waiting for the detector. Counts and events go to `traffic` and `alerts`; health shows in " +
      "`GET /cameras`. Callers: an ingest token scoped to `traffic`, or an admin's session (with " +
      "X-CSRF-Token). Rate limited to 30 frames a second per caller and camera.",
    role: "ingest",
    params: cameraId,
    query: pushFrameQuery,
    body: { schema: z.string().describe("the image bytes"), contentTypes: ["image/jpeg", "image/png"] },
    responses: {
      202: { description: "queued for the detector", schema: pushFrameResultSchema },
      400: err("not a decodable JPEG/PNG (`not_an_image`, naming the camera) or a bad capture time"),
      404: err("no camera with that id"),
      409: err(
        "the camera's source is not `push` (`not_push_camera`), or the frame is older than its previous one (`out_of_order`)",
      ),
      413: err("body larger than the limit (default 8 MiB) or more pixels than 8K"),
      415: err("Content-Type is not image/jpeg or image/png"),
      429: err("rate limited; see Retry-After"),
      503: err(
        "the camera cannot take frames now (detector unavailable, shutting down; see Retry-After) or the server runs without vision",
      ),
    },
  },
];
