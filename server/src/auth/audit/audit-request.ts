import type { Context } from "hono";
import type {} from "hono/request-id"; // brings `requestId` into ContextVariableMap
import { socketIp, type ClientIp } from "../client-ip.ts";
import { actorName } from "../principal.ts";
import type { AuditAction, AuditEntry, AuditLog } from "./audit-log.ts";

/** Options of {@link auditRequest}. */
export interface AuditRequestOptions {
  readonly action: AuditAction;
  readonly target?: string | null;
  readonly details?: Readonly<Record<string, unknown>>;
  /** Overrides the actor taken from the request's principal (e.g. the name tried at a failed login). */
  readonly actor?: string;
  /** How to find the client address. Default: the socket's. */
  readonly ip?: ClientIp;
}

/**
 * Records an action taken in a request: actor from `c.get("principal")`, ip, request id.
 * @example
 * await auditRequest(audit, c, { action: "token.revoke", target: id });
 */
export function auditRequest(audit: AuditLog, c: Context, options: AuditRequestOptions): Promise<AuditEntry> {
  return audit.record({
    actor: options.actor ?? actorName(c.get("principal")),
    action: options.action,
    target: options.target ?? null,
    ip: (options.ip ?? socketIp)(c),
    requestId: c.get("requestId") ?? null,
    ...(options.details ? { details: options.details } : {}),
  });
}

/**
 * Records that an alert was acknowledged or closed — for the alerts routes to call.
 * @example
 * app.post("/alerts/:id/ack", requireRole("analyst"), async (c) => {
 *   await auditAlert(audit, c, { alertId: c.req.param("id"), action: "ack" });
 *   return c.json({ ok: true });
 * });
 */
export function auditAlert(
  audit: AuditLog,
  c: Context,
  options: { alertId: string; action: "ack" | "close"; note?: string; ip?: ClientIp },
): Promise<AuditEntry> {
  return auditRequest(audit, c, {
    action: options.action === "ack" ? "alert.ack" : "alert.close",
    target: options.alertId,
    ...(options.note !== undefined ? { details: { note: options.note } } : {}),
    ...(options.ip ? { ip: options.ip } : {}),
  });
}
