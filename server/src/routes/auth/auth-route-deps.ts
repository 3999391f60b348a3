import type { Context } from "hono";
import { auditRequest, type AuditAction, type AuditLog } from "../../auth/audit/index.ts";
import type { ClientIp } from "../../auth/client-ip.ts";
import type { AuthStore } from "../../auth/store/index.ts";

/** What every auth route group needs, resolved from `AuthRoutesOptions`. */
export interface AuthRouteDeps {
  readonly store: AuthStore;
  readonly audit: AuditLog;
  readonly ip: ClientIp;
  /** Streams an ingest token may name; undefined accepts any well-formed name. */
  readonly streams: readonly string[] | undefined;
}

/** Audits an action of this request with the configured ip resolver. */
export function audit(
  deps: AuthRouteDeps,
  c: Context,
  action: AuditAction,
  target: string | null,
  extra: { actor?: string; details?: Record<string, unknown> } = {},
): Promise<unknown> {
  return auditRequest(deps.audit, c, { action, target, ip: deps.ip, ...extra });
}
