export { AuditLog } from "./audit-log.ts";
export type { AuditAction, AuditEntry, AuditLogOptions } from "./audit-log.ts";
export { auditAlert, auditRequest } from "./audit-request.ts";
export type { AuditRequestOptions } from "./audit-request.ts";
