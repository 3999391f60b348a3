import { z } from "zod";
import { alertActionBody, alertListQuery, alertPageSchema, alertSchema } from "../routes/alerts/index.ts";
import { reportBody, reportListSchema, reportSchema } from "../routes/reports/index.ts";
import { errorSchema } from "./common-schemas.ts";
import type { RouteDoc } from "./route-doc.ts";

const err = (description: string) => ({ description, schema: errorSchema });
const alertId = z.object({ id: z.string().describe("alert id, e.g. septic.ch4:SEP-012:20260301T020500Z") });
const reportId = z.object({ id: z.string().describe("report id (UUID)") });

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
      "State (starting/online/offline/ended), why a camera is not online, last frame time and fps.",
    role: "display",
    responses: {
      200: {
        description: "the cameras",
        schema: z.object({
          cameras: z.array(
            z.object({
              cameraId: z.string(),
              state: z.string(),
              online: z.boolean(),
              reason: z.string().nullable(),
              lastFrameTimestamp: z.number().nullable(),
              fps: z.number(),
            }),
          ),
        }),
      },
    },
  },
  {
    method: "get",
    path: "/cameras/:id/snapshot.jpg",
    tag: "cameras",
    summary: "A camera's latest frame with boxes, track ids, zones and lines drawn",
    role: "display",
    params: z.object({ id: z.string().describe("camera id, e.g. CAM-00822") }),
    responses: {
      200: { description: "JPEG", contentType: "image/jpeg" },
      404: err("no real-video camera with that id"),
      503: err("the camera has no frame yet; see Retry-After"),
    },
  },
];
