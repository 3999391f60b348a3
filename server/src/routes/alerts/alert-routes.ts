import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AlertTransitionError, transitionAlert, type AlertAction } from "@citybrain/analytics";
import { auditAlert, type AuditLog } from "../../auth/audit/index.ts";
import type { ClientIp } from "../../auth/client-ip.ts";
import { actorName } from "../../auth/principal.ts";
import { apiError } from "../../errors.ts";
import type { EventHub } from "../../events/event-hub.ts";
import { findAlert, listAlerts, writeAlert, type AlertStore } from "./alert-queries.ts";
import { alertListQuery, alertToJson, type AlertJson } from "./alert-schemas.ts";
import { readActionBody } from "./read-action-body.ts";

/** Options of {@link alertRoutes}. */
export interface AlertRoutesOptions {
  /**
   * Where alerts are read from and where their new states are written (the ingest path).
   * @example
   * alertRoutes({ store, audit, hub });
   */
  readonly store: AlertStore;
  /** Records every ack and close. Omit only when the API runs without auth (tests, embedded use). */
  readonly audit?: AuditLog;
  /** Receives an `alert` event after every change: the alert's new state plus `change` (acknowledged | cleared). */
  readonly hub?: EventHub;
  /** Called after a change is written, e.g. to republish extracts. */
  readonly onChanged?: (alert: AlertJson) => void;
  /** Client address for the audit log. Default: the socket's. */
  readonly ip?: ClientIp;
  /** Clock, for tests. */
  readonly now?: () => number;
}

const MAX_ID_LENGTH = 200;
// Query parameters other layers own: `token` carries a display token for EventSource-style clients.
const FOREIGN_PARAMS = new Set(["token"]);

function queryObject(c: Context): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.req.queries())) if (!FOREIGN_PARAMS.has(k)) out[k] = v.join(",");
  return out;
}

/**
 * `GET /alerts` (filters: status, severity, source, town_code, rule, site_id, q — text search that
 * finds a plate however it is typed — since, until, limit, offset; newest
 * first), `GET /alerts/:id`, and `POST /alerts/:id/ack` / `POST /alerts/:id/close` with an optional
 * `{ note }`. A change is checked with `transitionAlert` (illegal → 409), written as a new row of
 * the alerts stream by the store's ingest path, audited, and published as an `alert` event.
 * Roles are the app's to apply: display+ for reads, analyst+ for the two writes.
 * @example
 * api.use("/alerts/*", requireRole("display")); // reads (matches /alerts too)
 * api.on("POST", ["/alerts/:id/ack", "/alerts/:id/close"], requireRole("analyst"));
 * api.route("/", alertRoutes({ store, audit, hub }));
 */
export function alertRoutes(options: AlertRoutesOptions): Hono {
  const app = new Hono();
  const now = options.now ?? Date.now;
  // One change at a time: read, check and write must not interleave with another change.
  let changing: Promise<unknown> = Promise.resolve();

  app.get("/alerts", async (c) => {
    const parsed = alertListQuery.safeParse(queryObject(c));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const param =
        issue?.code === "unrecognized_keys" ? (issue.keys[0] ?? "?") : String(issue?.path[0] ?? "?");
      const message =
        issue?.code === "unrecognized_keys"
          ? `unknown query parameter "${param}"; expected ${Object.keys(alertListQuery.shape).join(", ")}`
          : `query parameter "${param}": ${issue?.message ?? "invalid"}`;
      return apiError(c, 400, "bad_parameter", message, { param });
    }
    const q = parsed.data;
    const { rows, total } = await listAlerts(options.store, q);
    c.header("Cache-Control", "no-store");
    return c.json({ alerts: rows.map(alertToJson), total, limit: q.limit, offset: q.offset });
  });

  app.get("/alerts/:id", async (c) => {
    const id = c.req.param("id");
    if (id.length > MAX_ID_LENGTH) {
      return apiError(c, 400, "bad_parameter", `alert id longer than ${MAX_ID_LENGTH} characters`, {
        param: "id",
      });
    }
    const row = await findAlert(options.store, id);
    if (!row) return apiError(c, 404, "unknown_alert", `no alert with id "${id}"`, { param: "id" });
    c.header("Cache-Control", "no-store");
    return c.json(alertToJson(row));
  });

  const change = (action: AlertAction) => async (c: Context) => {
    const id = c.req.param("id") ?? "";
    if (id.length > MAX_ID_LENGTH) {
      return apiError(c, 400, "bad_parameter", `alert id longer than ${MAX_ID_LENGTH} characters`, {
        param: "id",
      });
    }
    const body = await readActionBody(c);
    if (body instanceof Response) return body;
    const run = changing.then(async () => {
      const current = await findAlert(options.store, id);
      if (!current) return apiError(c, 404, "unknown_alert", `no alert with id "${id}"`, { param: "id" });
      let next;
      try {
        next = transitionAlert(current, action, actorName(c.get("principal")), now());
      } catch (e) {
        if (!(e instanceof AlertTransitionError)) throw e;
        return apiError(c, 409, "illegal_transition", e.message, {
          alertId: id,
          status: current.status,
          action,
        });
      }
      await writeAlert(options.store, next, action);
      if (options.audit) {
        await auditAlert(options.audit, c, {
          alertId: id,
          action,
          ...(body.note !== undefined ? { note: body.note } : {}),
          ...(options.ip ? { ip: options.ip } : {}),
        });
      }
      const json = alertToJson(next);
      // Same shape as the simulator's alert events: the alert's state plus how it changed.
      options.hub?.publish("alert", { ...json, change: action === "ack" ? "acknowledged" : "cleared" });
      options.onChanged?.(json);
      return c.json(json);
    });
    changing = run.catch(() => undefined);
    return run;
  };

  const limit = bodyLimit({
    maxSize: 16 * 1024,
    onError: (c) => apiError(c, 413, "payload_too_large", "body over 16384 bytes"),
  });
  app.post("/alerts/:id/ack", limit, change("ack"));
  app.post("/alerts/:id/close", limit, change("close"));
  return app;
}
